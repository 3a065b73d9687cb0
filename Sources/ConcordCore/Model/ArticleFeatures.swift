import Foundation

/// Everything the same-event decision knows about one article.
///
/// Computed once at ingest (``FeatureExtractor``) and stored, so that a restart rebuilds the
/// clustering state without re-reading or re-embedding any text.
public struct ArticleFeatures: Sendable, Hashable, Codable {
    public var articleID: String
    /// The language used for processing (identified, or declared when identification fails).
    public var language: String
    public var languageConfidence: Double
    /// Publication time in seconds since 1970, when known.
    public var published: Double?
    public var source: String?
    /// Term counts: Snowball stems (or lower-case words, or syllable pairs for Vietnamese, or
    /// character pairs for unspaced scripts), with title terms counted twice.
    public var terms: [String: Float]
    public var entities: [EntityMention]
    public var numbers: [NumberMention]
    public var dates: [DateMention]
    public var eventDate: EventDate?
    /// For an article without publication date whose event date is missing or coarser than a day: the day and
    /// month its text names without a year (`ngày 30/1`), compared only with a dated side
    /// (``MonthDay/nearest(to:)``). When the text names a year the day fits, the day is the event date instead.
    public var yearlessDay: MonthDay?
    /// The dense embedding of title and lead (L2-normalized), when an encoder ran.
    public var embedding: [Float]?
    /// A hash of the normalized title and text: the same story re-sent under another id.
    public var contentHash: String
    /// The normalized title, for display.
    public var title: String

    public init(
        articleID: String, language: String, languageConfidence: Double, published: Double?, source: String?,
        terms: [String: Float], entities: [EntityMention], numbers: [NumberMention], dates: [DateMention],
        eventDate: EventDate?, embedding: [Float]?, contentHash: String, title: String, yearlessDay: MonthDay? = nil
    ) {
        self.articleID = articleID
        self.language = language
        self.languageConfidence = languageConfidence
        self.published = published
        self.source = source
        self.terms = terms
        self.entities = entities
        self.numbers = numbers
        self.dates = dates
        self.eventDate = eventDate
        self.yearlessDay = yearlessDay
        self.embedding = embedding
        self.contentHash = contentHash
        self.title = title
    }

    /// The day used to place the article in time (the candidate window): the event date, else the publication
    /// day; nil for an article without a publication date.
    ///
    /// A date read from an undated text alone is often background (a season, an earlier match, a
    /// retrospective); as a hard window it would keep two reports of one event from ever meeting. Such dates
    /// still count, softly, through the date agreement of the same-event model.
    public var anchorDay: Double? {
        guard let published else { return nil }
        if let e = eventDate { return Double(e.first + e.last) / 2 }
        return published / 86_400
    }
}

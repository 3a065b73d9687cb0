import ConcordCore
import Foundation

/// What a person sees of an event in a list: id, title, time span, languages, sources, top entities.
public struct EventSummary: Sendable, Codable, Equatable {
    public var id: EventID
    public var title: String
    public var articleCount: Int
    /// Distinct outlets (copies from one outlet count once).
    public var sourceCount: Int
    public var languages: [String]
    /// Earliest and latest publication time of the members (seconds since 1970).
    public var firstPublished: Double?
    public var lastPublished: Double?
    /// The estimated event day (`YYYY-MM-DD`) and its evidence.
    public var eventDate: String?
    public var eventDateEvidence: String?
    public var entities: [String]
    /// Folded entity keys, for filtering: those of ``entities`` in the same order, then more.
    public var entityKeys: [String]
    /// The earliest and latest anchor day of the members (``ArticleFeatures/anchorDay``, days since 1970):
    /// the span the engine searches candidates around. Nil when no member has one.
    public var firstDay: Double?
    public var lastDay: Double?
    /// Articles per language (nil in summaries written before it was kept).
    public var languageCounts: [String: Int]?
    /// Distinct outlets once near copies (wire copies, reprints) are counted with their original (nil in
    /// summaries written before it was kept).
    public var independentSources: Int?

    public init(
        id: EventID, title: String, articleCount: Int, sourceCount: Int, languages: [String],
        firstPublished: Double?, lastPublished: Double?, eventDate: String?, eventDateEvidence: String?,
        entities: [String], entityKeys: [String]
    ) {
        self.id = id
        self.title = title
        self.articleCount = articleCount
        self.sourceCount = sourceCount
        self.languages = languages
        self.firstPublished = firstPublished
        self.lastPublished = lastPublished
        self.eventDate = eventDate
        self.eventDateEvidence = eventDateEvidence
        self.entities = entities
        self.entityKeys = entityKeys
    }
}

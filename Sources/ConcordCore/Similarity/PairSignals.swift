/// The signals of one same-event comparison, each in a documented range, with what carried them.
public struct PairSignals: Sendable, Hashable, Codable {
    /// TF-IDF cosine of the terms in the article's language (0...1); nil when the other side has no
    /// text in that language.
    public var lexical: Double?
    /// IDF-weighted cosine of folded entity names (0...1); nil when either side has no entity.
    public var entities: Double?
    /// IDF-weighted share of the distinctive entities of one side (held by at least half of its members)
    /// that the other side never mentions, the larger of the two directions (0...1); nil when either side
    /// has no entity.
    public var distinctiveMissing: Double?
    /// Cosine of the dense embeddings (-1...1); nil without an encoder.
    public var embedding: Double?
    /// +1 when text-derived event dates agree (within ``SameEventScorer/Configuration/dateTolerance``),
    /// a negative value growing with the distance when they conflict, 0 when unknown.
    public var dates: Double
    /// +1 when the sides state the same score, -1 when both state scores and none is shared, 0 otherwise.
    public var scores: Double
    /// Quantities (values >= 10) both sides state, as a share of the smaller side's quantities (0...1); nil
    /// when either side states none.
    public var quantities: Double?
    /// Days between the sides' anchor days (0 when they overlap); nil when either is undated.
    public var gapDays: Double?
    /// Hours between the sides' publication times (0 when their ranges overlap); nil when either has none.
    public var publishedGapHours: Double?
    /// The language pair compared, sorted (`en-vi`); the same language twice when both sides have text in it.
    public var languagePair: String
    /// The shorter side's mean number of distinct terms per member.
    public var terms: Double

    /// Entity names both sides mention, most distinctive first.
    public var sharedEntities: [String]
    /// Distinctive entity names only the article has.
    public var onlyInArticle: [String]
    /// Human-readable date and number agreements and conflicts.
    public var notes: [String]

    public init() {
        dates = 0
        scores = 0
        languagePair = "und-und"
        terms = 0
        sharedEntities = []
        onlyInArticle = []
        notes = []
    }

    /// True when the sides share no language.
    public var isCrossLingual: Bool { lexical == nil }
}

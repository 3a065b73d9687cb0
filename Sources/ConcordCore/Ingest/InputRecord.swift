/// An article decoded from the input, with where it came from and what the input said beside it.
public struct InputRecord: Sendable, Hashable {
    public var article: Article
    public var origin: RecordOrigin
    /// The gold event label (`cluster` field), present in evaluation sets.
    public var goldEvent: String?
    /// Problems that did not stop the record (an unreadable date, say).
    public var warnings: [String]

    public init(article: Article, origin: RecordOrigin, goldEvent: String? = nil, warnings: [String] = []) {
        self.article = article
        self.origin = origin
        self.goldEvent = goldEvent
        self.warnings = warnings
    }
}

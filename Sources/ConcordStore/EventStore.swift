import ConcordCore
import Foundation

/// Where articles, events, decisions and merges are kept.
///
/// Writes are atomic per call: a crash leaves either all of a ``StoredDecision`` batch or none of it,
/// so re-running an interrupted ingest ends in the state of one clean ingest.
public protocol EventStore: Sendable {
    /// Article ids and content hashes already stored (to skip them on re-ingest).
    func knownKeys() throws -> (ids: Set<String>, contentHashes: Set<String>)

    /// Every stored article's features with its event, in ingest order (to rebuild clustering state).
    func loadMemberships() throws -> [(features: ArticleFeatures, event: EventID)]

    /// Stores articles with their features and decisions, and the events they touched, in one transaction.
    func commit(_ batch: [StoredDecision], events: [EventSummary]) throws

    /// How many stored articles, in ingest order, the last completed merge pass covered (0 when none has).
    ///
    /// The events of the articles after them have not been checked for merges yet: the next merge pass
    /// looks at those events only, so its cost follows what is new, not the size of the store.
    func mergedThrough() throws -> Int

    /// Stores merges and the resulting events, in one transaction; absorbed events are removed. Records
    /// that the merge pass covered the first `mergedThrough` stored articles (see ``mergedThrough()``).
    func commitMerges(
        _ merges: [MergeRecord], memberships: [String: EventID], events: [EventSummary],
        mergedThrough: Int) throws

    /// Keeps rejected records aside (the same file, line and reason is kept once).
    func recordRejects(_ rejects: [RecordError]) throws

    /// One page of the events matching a query, newest first, and how many match in all.
    func events(matching query: EventQuery) throws -> EventPage

    /// One event with its articles.
    func event(_ id: EventID) throws -> (summary: EventSummary, articles: [StoredArticle])?

    /// One article with its features and the decision that placed it.
    func article(_ id: String) throws -> StoredArticle?

    /// Merge history, oldest first.
    func merges() throws -> [StoredMerge]

    /// Counts of stored things.
    func counts() throws -> StoreCounts
}

/// An article to store, with the decision that placed it.
public struct StoredDecision: Sendable {
    public var article: Article
    public var features: ArticleFeatures
    public var decision: Decision
    public var origin: RecordOrigin?

    public init(article: Article, features: ArticleFeatures, decision: Decision, origin: RecordOrigin?) {
        self.article = article
        self.features = features
        self.decision = decision
        self.origin = origin
    }
}

/// A stored article.
public struct StoredArticle: Sendable, Codable {
    public var article: Article
    public var features: ArticleFeatures
    public var eventID: EventID
    public var decision: Decision?

    public init(article: Article, features: ArticleFeatures, eventID: EventID, decision: Decision?) {
        self.article = article
        self.features = features
        self.eventID = eventID
        self.decision = decision
    }
}

/// A stored merge.
public struct StoredMerge: Sendable, Codable {
    public var survivor: EventID
    public var absorbed: EventID
    public var probability: Double
    public var explanation: String

    public init(survivor: EventID, absorbed: EventID, probability: Double, explanation: String) {
        self.survivor = survivor
        self.absorbed = absorbed
        self.probability = probability
        self.explanation = explanation
    }
}

/// Filters for listing events.
public struct EventQuery: Sendable {
    public var since: Date?
    public var until: Date?
    public var language: String?
    public var entity: String?
    public var text: String?
    public var limit: Int
    /// Matching events skipped before the page starts (newest first).
    public var offset: Int

    public init(
        since: Date? = nil, until: Date? = nil, language: String? = nil, entity: String? = nil,
        text: String? = nil, limit: Int = 100, offset: Int = 0
    ) {
        self.offset = offset
        self.since = since
        self.until = until
        self.language = language
        self.entity = entity
        self.text = text
        self.limit = limit
    }
}

/// Counts of what a store holds.
/// One page of matching events.
public struct EventPage: Sendable, Equatable {
    /// The page: at most the query's limit, newest first.
    public var events: [EventSummary]
    /// How many events match in all.
    public var total: Int
    /// How many matching events come before the page.
    public var offset: Int

    public init(events: [EventSummary], total: Int, offset: Int) {
        self.events = events
        self.total = total
        self.offset = offset
    }
}

public struct StoreCounts: Sendable, Codable, Equatable {
    public var articles: Int
    public var events: Int
    public var decisions: Int
    public var merges: Int
    public var rejects: Int
    /// Articles per detected language.
    public var languages: [String: Int]

    public init(
        articles: Int, events: Int, decisions: Int, merges: Int, rejects: Int, languages: [String: Int] = [:]
    ) {
        self.languages = languages
        self.articles = articles
        self.events = events
        self.decisions = decisions
        self.merges = merges
        self.rejects = rejects
    }
}

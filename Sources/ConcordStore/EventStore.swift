import ConcordCore
import Foundation

/// Where articles, events, decisions and merges are kept.
///
/// Writes are atomic per call: a crash leaves either all of a ``StoredDecision`` batch or none of it,
/// so re-running an interrupted ingest ends in the state of one clean ingest.
public protocol EventStore: Sendable {
    /// What the store keeps for the engine besides articles: corpus statistics, vocabulary, stream thresholds.
    func corpus() throws -> StoredCorpus

    /// Which of these ids and content hashes are stored: id → its stored content hash, and stored content
    /// hash → the id of an article with that content.
    ///
    /// - Complexity: one indexed lookup per key, whatever the size of the store.
    func existing(ids: [String], contentHashes: [String]) throws -> (
        ids: [String: String], contentHashes: [String: String]
    )

    /// The ids of the events whose day span overlaps `days` (``EventSummary/firstDay`` ... ``EventSummary/lastDay``),
    /// or, when `days` is nil, of the events with no day span (undated).
    func eventIDs(overlapping days: ClosedRange<Double>?) throws -> [EventID]

    /// The members of these events, in ingest order.
    func members(of events: [EventID]) throws -> [StoredMember]

    /// The features of the last `limit` stored articles, in ingest order.
    func recentArticles(limit: Int) throws -> [ArticleFeatures]

    /// Every stored article's features with its event, in ingest order (to rebuild everything; O(store)).
    func loadMemberships() throws -> [(features: ArticleFeatures, event: EventID)]

    /// Stores one ingested batch in one transaction: its articles and decisions, its merges, the events it
    /// touched, and what it adds to the corpus. A crash leaves all of it or none.
    ///
    /// - Returns: the ingest-order positions given to the batch's articles, in the order of its decisions.
    @discardableResult
    func commit(_ batch: IngestBatch) throws -> [Int]

    /// Keeps rejected records aside (the same file, line and reason is kept once).
    func recordRejects(_ rejects: [RecordError]) throws

    /// One page of the events matching a query, newest first, and how many match in all.
    func events(matching query: EventQuery) throws -> EventPage

    /// Other events whose articles' titles and text name any of `words` (names, phrases), those naming the
    /// most of them first: the candidates for "looks like this event" at any distance in time.
    func events(sharingAnyOf words: [String], excluding: EventID, limit: Int) throws -> [EventID]

    /// One event with its articles.
    func event(_ id: EventID) throws -> (summary: EventSummary, articles: [StoredArticle])?

    /// One article with its features and the decision that placed it.
    func article(_ id: String) throws -> StoredArticle?

    /// Merge history, oldest first.
    func merges() throws -> [StoredMerge]

    /// Counts of stored things.
    func counts() throws -> StoreCounts

    /// How many events are stored (what ``counts()`` says, without counting the rest).
    func eventCount() throws -> Int
}

extension EventStore {
    public func eventCount() throws -> Int { try counts().events }
}

/// A stored article as the engine reads it back: its position in ingest order, its features, its event.
public struct StoredMember: Sendable {
    public var seq: Int
    public var features: ArticleFeatures
    public var event: EventID

    public init(seq: Int, features: ArticleFeatures, event: EventID) {
        self.seq = seq
        self.features = features
        self.event = event
    }
}

/// The corpus a store keeps for the engine, so that it starts without reading every article.
public struct StoredCorpus: Sendable, Equatable {
    /// Articles counted in the statistics.
    public var documents = 0
    /// The vocabulary, in id order.
    public var terms: [String] = []
    /// Articles per term id.
    public var termFrequency: [Int32] = []
    /// Articles per entity key.
    public var entityFrequency: [String: Int] = [:]
    /// The stream's join thresholds per language pair (``StreamCalibration``), and under `consolidation` the
    /// merge pass's cut when the engine reads it from the stream.
    public var thresholds: [String: Double] = [:]
    /// How many articles were stored when the thresholds were set; nil when they never were.
    public var calibratedAt: Int?
    /// The latest anchor day of a stored article (days since 1970), when any has one.
    public var latestDay: Double?
    /// Whether the stored articles have embeddings; nil for an empty store.
    public var embedded: Bool?

    public init() {}
}

extension StoredCorpus {
    /// Adds what a batch counted.
    public mutating func apply(_ delta: CorpusDelta) {
        documents += delta.documents
        terms += delta.newTerms
        if termFrequency.count < terms.count {
            termFrequency += repeatElement(0, count: terms.count - termFrequency.count)
        }
        for (id, n) in delta.termCounts where Int(id) < termFrequency.count { termFrequency[Int(id)] += Int32(n) }
        for (key, n) in delta.entityCounts { entityFrequency[key, default: 0] += n }
        if let t = delta.thresholds { thresholds = t }
        if let c = delta.calibratedAt { calibratedAt = c }
        if let d = delta.latestDay { latestDay = max(latestDay ?? d, d) }
        if let e = delta.embedded { embedded = e }
    }
}

/// What a batch adds to the stored corpus.
public struct CorpusDelta: Sendable {
    /// New terms, whose ids follow the stored vocabulary's.
    public var newTerms: [String] = []
    /// Term id → articles of the batch that hold it.
    public var termCounts: [Int32: Int] = [:]
    /// Entity key → articles of the batch that mention it.
    public var entityCounts: [String: Int] = [:]
    public var documents = 0
    /// New stream thresholds, when the batch recalibrated them.
    public var thresholds: [String: Double]?
    public var calibratedAt: Int?
    public var latestDay: Double?
    public var embedded: Bool?

    public init() {}
}

/// One ingested batch, committed in one transaction.
public struct IngestBatch: Sendable {
    /// Stored articles removed first (each replaced by a new version in `decisions`: an update).
    public var retracted: [String] = []
    /// Events left empty (by a merge or an update), removed.
    public var removedEvents: [EventID] = []
    public var decisions: [StoredDecision] = []
    public var merges: [MergeRecord] = []
    /// Stored articles moved to another event by a merge.
    public var memberships: [String: EventID] = [:]
    /// The events the batch created or changed, summarized anew.
    public var events: [EventSummary] = []
    public var corpus = CorpusDelta()

    public init() {}
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
    /// Matching events skipped before the page starts (newest first), after ``after``.
    public var offset: Int
    /// Where the previous page ended (its ``EventPage/next``): the page starts after that event.
    public var after: EventCursor?

    public init(
        since: Date? = nil, until: Date? = nil, language: String? = nil, entity: String? = nil,
        text: String? = nil, limit: Int = 100, offset: Int = 0, after: EventCursor? = nil
    ) {
        self.offset = offset
        self.after = after
        self.since = since
        self.until = until
        self.language = language
        self.entity = entity
        self.text = text
        self.limit = limit
    }
}

/// One page of matching events.
public struct EventPage: Sendable, Equatable {
    /// The page: at most the query's limit, newest first.
    public var events: [EventSummary]
    /// How many events match in all.
    public var total: Int
    /// How many matching events the query skipped by its offset.
    public var offset: Int
    /// Where the next page starts, when more events match after this page.
    public var next: EventCursor?

    public init(events: [EventSummary], total: Int, offset: Int, next: EventCursor? = nil) {
        self.events = events
        self.total = total
        self.offset = offset
        self.next = next
    }
}

/// A place in the list of events (newest first, then by id): the last event of a page.
///
/// Paging by cursor stays true while events come in (a new event does not shift the next page, as an
/// offset would), and costs the same on the last page as on the first. ``token`` is its opaque text form.
public struct EventCursor: Sendable, Hashable {
    /// The event's order key: its latest publication time, or ``undated`` when it has none.
    public var key: Double
    public var id: EventID

    /// The order key of events without a publication time: they come last.
    public static let undated = -1e300

    public init(key: Double, id: EventID) {
        self.key = key
        self.id = id
    }

    /// The cursor after `event`.
    public init(after event: EventSummary) {
        self.init(key: Self.key(event), id: event.id)
    }

    /// An event's order key.
    public static func key(_ e: EventSummary) -> Double { e.lastPublished ?? undated }

    /// Whether `e` comes after this place in the list.
    public func precedes(_ e: EventSummary) -> Bool {
        let k = Self.key(e)
        return k < key || (k == key && e.id.rawValue > id.rawValue)
    }

    /// URL-safe text: base64url of `key` (its bit pattern in hex) and the id.
    public var token: String {
        let text = String(key.bitPattern, radix: 16) + ":" + id.rawValue
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a ``token``; nil when it is not one.
    public init?(token: String) {
        var b64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        b64 += String(repeating: "=", count: (4 - b64.count % 4) % 4)
        guard let data = Data(base64Encoded: b64), let text = String(data: data, encoding: .utf8),
            let colon = text.firstIndex(of: ":"), let bits = UInt64(text[..<colon], radix: 16)
        else { return nil }
        let id = String(text[text.index(after: colon)...])
        let key = Double(bitPattern: bits)
        guard !id.isEmpty, key.isFinite else { return nil }
        self.init(key: key, id: EventID(id))
    }
}

/// Counts of what a store holds.

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

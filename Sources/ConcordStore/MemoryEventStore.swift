import ConcordCore
import Foundation

/// An event store in memory: for tests and one-shot runs.
public final class MemoryEventStore: EventStore, @unchecked Sendable {
    // Safe: every access to the mutable state happens under `lock`.
    private let lock = NSLock()
    private var articles: [String: StoredArticle] = [:]
    private var order: [String] = []
    private var summaries: [EventID: EventSummary] = [:]
    private var mergeLog: [StoredMerge] = []
    private var rejects: Set<String> = []
    private var decisionCount = 0
    private var mergeWatermark = 0

    public init() {}

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    public func knownKeys() throws -> (ids: Set<String>, contentHashes: Set<String>) {
        locked { (Set(articles.keys), Set(articles.values.map(\.features.contentHash))) }
    }

    public func loadMemberships() throws -> [(features: ArticleFeatures, event: EventID)] {
        locked { order.compactMap { articles[$0].map { ($0.features, $0.eventID) } } }
    }

    public func commit(_ batch: [StoredDecision], events: [EventSummary]) throws {
        locked {
            for item in batch where articles[item.article.id] == nil {
                articles[item.article.id] = StoredArticle(
                    article: item.article, features: item.features, eventID: item.decision.eventID,
                    decision: item.decision)
                order.append(item.article.id)
                decisionCount += 1
            }
            for e in events { summaries[e.id] = e }
        }
    }

    public func mergedThrough() throws -> Int { locked { mergeWatermark } }

    public func commitMerges(
        _ merges: [MergeRecord], memberships: [String: EventID], events: [EventSummary],
        mergedThrough: Int
    ) throws {
        locked {
            mergeWatermark = mergedThrough
            for m in merges {
                summaries[m.absorbed] = nil
                mergeLog.append(
                    StoredMerge(
                        survivor: m.survivor, absorbed: m.absorbed,
                        probability: m.assessment.probability, explanation: m.summary))
            }
            for (id, event) in memberships { articles[id]?.eventID = event }
            for e in events { summaries[e.id] = e }
        }
    }

    public func recordRejects(_ list: [RecordError]) throws {
        locked { for r in list { rejects.insert("\(r.file)\u{1}\(r.line)\u{1}\(r.reason)") } }
    }

    public func events(matching query: EventQuery) throws -> EventPage {
        locked { EventFilter(query).apply(Array(summaries.values)) }
    }

    public func event(_ id: EventID) throws -> (summary: EventSummary, articles: [StoredArticle])? {
        locked {
            guard let s = summaries[id] else { return nil }
            return (s, order.compactMap { articles[$0] }.filter { $0.eventID == id })
        }
    }

    public func article(_ id: String) throws -> StoredArticle? { locked { articles[id] } }

    public func merges() throws -> [StoredMerge] { locked { mergeLog } }

    public func counts() throws -> StoreCounts {
        locked {
            StoreCounts(
                articles: articles.count, events: summaries.count, decisions: decisionCount,
                merges: mergeLog.count, rejects: rejects.count,
                languages: articles.values.reduce(into: [:]) { $0[$1.features.language, default: 0] += 1 })
        }
    }
}

/// The event-list filter, shared by the stores that filter in memory.
public struct EventFilter: Sendable {
    public var query: EventQuery
    public init(_ query: EventQuery) { self.query = query }

    public func matches(_ e: EventSummary) -> Bool {
        if let since = query.since?.timeIntervalSince1970, (e.lastPublished ?? .infinity) < since { return false }
        if let until = query.until?.timeIntervalSince1970, (e.firstPublished ?? -.infinity) > until { return false }
        if let lang = query.language, !e.languages.contains(lang) { return false }
        if let entity = query.entity {
            let key = NameFolding.fold(entity)
            if !e.entityKeys.contains(where: { $0 == key || $0.contains(key) }) { return false }
        }
        if let text = query.text {
            let needle = NameFolding.fold(text)
            if !NameFolding.fold(e.title + " " + e.entities.joined(separator: " ")).contains(needle) { return false }
        }
        return true
    }

    /// The page of matching events, newest first (then by id): at most `limit`, after `offset`.
    public func apply(_ events: [EventSummary]) -> EventPage {
        let matching = events.filter(matches).sorted {
            let a = $0.lastPublished ?? -.infinity, b = $1.lastPublished ?? -.infinity
            return a != b ? a > b : $0.id < $1.id
        }
        let offset = max(0, query.offset)
        return EventPage(
            events: Array(matching.dropFirst(offset).prefix(max(0, query.limit))), total: matching.count,
            offset: offset)
    }
}

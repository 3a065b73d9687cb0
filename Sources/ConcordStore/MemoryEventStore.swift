import ConcordCore
import Foundation

/// An event store in memory: for tests and one-shot runs.
public final class MemoryEventStore: EventStore, @unchecked Sendable {
    // Safe: every access to the mutable state happens under `lock`.
    private let lock = NSLock()
    private var articles: [String: StoredArticle] = [:]
    private var seqs: [String: Int] = [:]
    private var nextSeq = 1
    private var summaries: [EventID: EventSummary] = [:]
    private var mergeLog: [StoredMerge] = []
    private var rejects: Set<String> = []
    private var decisionCount = 0
    private var stored = StoredCorpus()

    public init() {}

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Article ids in ingest order.
    private var order: [String] { seqs.sorted { $0.value < $1.value }.map(\.key) }

    public func corpus() throws -> StoredCorpus { locked { stored } }

    public func existing(ids: [String], contentHashes: [String]) throws -> (
        ids: [String: String], contentHashes: [String: String]
    ) {
        locked {
            var found: [String: String] = [:]
            for id in ids { if let a = articles[id] { found[id] = a.features.contentHash } }
            let wanted = Set(contentHashes)
            var hashes: [String: String] = [:]
            for id in order {
                if let hash = articles[id]?.features.contentHash, wanted.contains(hash), hashes[hash] == nil {
                    hashes[hash] = id
                }
            }
            return (found, hashes)
        }
    }

    public func eventIDs(overlapping days: ClosedRange<Double>?) throws -> [EventID] {
        locked {
            summaries.values.filter { e in
                guard let first = e.firstDay, let last = e.lastDay else { return days == nil }
                guard let days else { return false }
                return first <= days.upperBound && days.lowerBound <= last
            }.map(\.id).sorted()
        }
    }

    public func members(of events: [EventID]) throws -> [StoredMember] {
        locked {
            let wanted = Set(events)
            return order.compactMap { id in
                guard let a = articles[id], wanted.contains(a.eventID), let seq = seqs[id] else { return nil }
                return StoredMember(seq: seq, features: a.features, event: a.eventID)
            }
        }
    }

    public func recentArticles(limit: Int) throws -> [ArticleFeatures] {
        locked { order.suffix(max(0, limit)).compactMap { articles[$0]?.features } }
    }

    public func loadMemberships() throws -> [(features: ArticleFeatures, event: EventID)] {
        locked { order.compactMap { articles[$0].map { ($0.features, $0.eventID) } } }
    }

    @discardableResult
    public func commit(_ batch: IngestBatch) throws -> [Int] {
        locked {
            var given: [Int] = []
            for id in batch.retracted {
                articles[id] = nil
                seqs[id] = nil
            }
            for item in batch.decisions where articles[item.article.id] == nil {
                articles[item.article.id] = StoredArticle(
                    article: item.article, features: item.features, eventID: item.decision.eventID,
                    decision: item.decision)
                seqs[item.article.id] = nextSeq
                given.append(nextSeq)
                nextSeq += 1
                decisionCount += 1
            }
            for m in batch.merges {
                summaries[m.absorbed] = nil
                mergeLog.append(
                    StoredMerge(
                        survivor: m.survivor, absorbed: m.absorbed,
                        probability: m.assessment.probability, explanation: m.summary))
            }
            for id in batch.removedEvents { summaries[id] = nil }
            for (id, event) in batch.memberships { articles[id]?.eventID = event }
            for e in batch.events { summaries[e.id] = e }
            stored.apply(batch.corpus)
            return given
        }
    }

    public func recordRejects(_ list: [RecordError]) throws {
        locked { for r in list { rejects.insert("\(r.file)\u{1}\(r.line)\u{1}\(r.reason)") } }
    }

    public func events(sharingAnyOf words: [String], excluding: EventID, limit: Int) throws -> [EventID] {
        let folded = words.map(NameFolding.fold).filter { !$0.isEmpty }
        return locked {
            var score: [EventID: Int] = [:]
            for a in articles.values where a.eventID != excluding {
                let text = NameFolding.fold(a.article.title + " " + a.article.text)
                let n = folded.filter { text.contains($0) }.count
                if n > 0 { score[a.eventID, default: 0] += n }
            }
            return score.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(max(0, limit)).map(\.key)
        }
    }

    public func events(matching query: EventQuery) throws -> EventPage {
        locked {
            var filter = EventFilter(query)
            if let text = query.text {
                // Every word in the title or text of one of the event's articles (accents and case folded).
                let words = text.split(whereSeparator: { $0.isWhitespace }).map { NameFolding.fold(String($0)) }
                filter.textMatches = Set(
                    articles.values.filter { a in
                        let folded = NameFolding.fold(a.article.title + " " + a.article.text)
                        return words.allSatisfy { folded.contains($0) }
                    }.map(\.eventID))
            }
            return filter.apply(Array(summaries.values))
        }
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
    /// The events whose articles match the query's text, when the store searched its articles' text; nil
    /// matches the text against the event's title and names only.
    public var textMatches: Set<EventID>?
    public init(_ query: EventQuery) { self.query = query }

    /// Whether a folded name has a word that begins with `part` (folded too; it may span words): `bern`,
    /// `ferri` and `aldo f` find `aldo ferri`, `erri` does not. A name's inside would find a short name
    /// (`tran`, `le`) inside unrelated words (`transporte`, `castelmare`).
    public static func name(_ name: String, startsAWordWith part: String) -> Bool {
        (" " + name).contains(" " + part)
    }

    public func matches(_ e: EventSummary) -> Bool {
        if let since = query.since?.timeIntervalSince1970, (e.lastPublished ?? .infinity) < since { return false }
        if let until = query.until?.timeIntervalSince1970, (e.firstPublished ?? -.infinity) > until { return false }
        if let lang = query.language, !e.languages.contains(lang) { return false }
        if let entity = query.entity {
            let key = NameFolding.fold(entity)
            if !e.entityKeys.contains(where: { Self.name($0, startsAWordWith: key) }) { return false }
        }
        if let matches = textMatches {
            if !matches.contains(e.id) { return false }
        } else if let text = query.text {
            let needle = NameFolding.fold(text)
            if !NameFolding.fold(e.title + " " + e.entities.joined(separator: " ")).contains(needle) { return false }
        }
        return true
    }

    /// The page of matching events, newest first (then by id): at most `limit`, after the cursor and
    /// `offset`.
    public func apply(_ events: [EventSummary]) -> EventPage {
        let matching = events.filter(matches).sorted {
            let a = EventCursor.key($0), b = EventCursor.key($1)
            return a != b ? a > b : $0.id < $1.id
        }
        let offset = max(0, query.offset)
        let rest = query.after.map { after in matching.filter { after.precedes($0) } } ?? matching
        let page = Array(rest.dropFirst(offset).prefix(max(0, query.limit)))
        let more = rest.count > offset + page.count
        return EventPage(
            events: page, total: matching.count, offset: offset,
            next: more ? page.last.map(EventCursor.init(after:)) : nil)
    }
}

import ConcordCore
import ConcordEngine
import ConcordSQLite
import ConcordStore
import Foundation
import Testing

/// The resident engine: what a batch decides depends on the store and the batch only.
@Suite struct EngineTests {
    /// A made-up word, the same for the same number, different for different numbers.
    static func word(_ n: Int) -> String {
        let syllables = ["ka", "lo", "mi", "ren", "tus", "vor", "bel", "dan"]
        var n = n, w = ""
        repeat {
            w += syllables[n % 8]
            n /= 8
        } while n > 0
        return w.prefix(1).uppercased() + w.dropFirst()
    }

    /// A stream over `days` days: per day, two reports of one happening and one report of another, each
    /// told with words of its own (so events of different days never look alike).
    static func stream(days: Int, from first: Int = 20_000) -> [InputRecord] {
        var records: [InputRecord] = []
        for d in 0..<days {
            let a = (0..<8).map { word(1_000 + d * 20 + $0) }, b = (0..<8).map { word(1_000 + d * 20 + 10 + $0) }
            records += [
                article(
                    "fire-\(d)-a", "\(a[0]) \(a[1]) in \(a[2])",
                    "\(a[3]) \(a[0]) \(a[4]) \(a[1]) \(a[5]) in \(a[2]) \(a[6]) \(a[7]).", day: first + d),
                article(
                    "fire-\(d)-b", "\(a[2]): \(a[1]) \(a[0])",
                    "\(a[4]) \(a[3]) \(a[0]) \(a[1]) \(a[2]) \(a[7]) \(a[6]) \(a[5]).", day: first + d),
                article(
                    "tram-\(d)", "\(b[0]) \(b[1]) \(b[2])",
                    "\(b[3]) \(b[4]) \(b[0]) \(b[5]) \(b[6]) \(b[7]) \(b[1]).", day: first + d),
            ]
        }
        return records
    }

    /// Every article's event and decision kind, and every event's summary.
    static func snapshot(_ store: any EventStore) throws -> [String] {
        let members = try store.loadMemberships().map { "\($0.features.articleID)→\($0.event.rawValue)" }
        let kinds = try store.loadMemberships().compactMap { try store.article($0.features.articleID) }
            .map { "\($0.article.id):\($0.decision?.kind.rawValue ?? "-")" }
        let events = try store.events(matching: EventQuery(limit: 10_000)).events
            .map { "\($0.id.rawValue) \($0.articleCount) \($0.title)" }.sorted()
        return members + kinds + events
    }

    @Test(arguments: StoreKind.allCases)
    func anEngineStartedOnAStoreDecidesAsTheOneThatWroteIt(kind: StoreKind) throws {
        let records = Self.stream(days: 30)
        // One resident engine for the whole stream.
        let resident = try kind.make()
        try TestIngest(store: resident, batchSize: 7).ingest(records)
        // A new engine for every batch: it starts from the store alone.
        let restarted = try kind.make()
        for start in stride(from: 0, to: records.count, by: 7) {
            try TestIngest(store: restarted, batchSize: 7).ingest(Array(records[start..<min(records.count, start + 7)]))
        }
        let a = try Self.snapshot(resident), b = try Self.snapshot(restarted)
        #expect(a == b)
        #expect(try resident.corpus() == restarted.corpus())
        // And the events are right: each day's two fire reports together, apart from the tram.
        let fire = try #require(try resident.article("fire-12-a")),
            fireB = try #require(try resident.article("fire-12-b"))
        let tram = try #require(try resident.article("tram-12"))
        #expect(fire.eventID == fireB.eventID)
        #expect(fire.eventID != tram.eventID)
    }

    @Test(arguments: StoreKind.allCases)
    func theStoredCorpusCountsEveryStoredArticle(kind: StoreKind) throws {
        let store = try kind.make()
        try TestIngest(store: store, batchSize: 10).ingest(Self.stream(days: 6))
        let corpus = try store.corpus()
        let all = try store.loadMemberships()
        #expect(corpus.documents == all.count)
        var vocabulary = TermVocabulary(terms: corpus.terms)
        var recount = [Int32](repeating: 0, count: corpus.terms.count)
        for (f, _) in all {
            for id in vocabulary.vector(f.terms).ids { recount[Int(id)] += 1 }
        }
        #expect(vocabulary.terms.count == corpus.terms.count, "a stored article has a term the vocabulary lacks")
        #expect(recount == corpus.termFrequency)
        #expect(corpus.latestDay != nil)
        #expect(corpus.calibratedAt != nil)
    }

    @Test func theEngineHoldsOnlyTheEventsNearWhatItIngests() throws {
        let store = MemoryEventStore()
        let engine = try TestIngest(store: store, batchSize: 9).engine()
        let records = Self.stream(days: 90)
        var most = 0
        for start in stride(from: 0, to: records.count, by: 9) {
            _ = try engine.ingest(Array(records[start..<min(records.count, start + 9)]))
            most = max(most, engine.cachedArticles)
        }
        #expect(engine.storedArticles == records.count)
        // Three articles a day; the engine reaches 10 days each side and keeps a margin of 10 more.
        #expect(most <= 3 * (3 + 2 * (10 + 10)), "held \(most) of \(records.count) articles")
        #expect(most < records.count)
        // A fresh engine on the full store reads the corpus, not the articles.
        let fresh = try TestIngest(store: store).engine()
        #expect(fresh.cachedArticles == 0)
        #expect(fresh.storedArticles == records.count)
    }

    @Test(arguments: StoreKind.allCases)
    func anIdStoredWithOtherContentIsReportedOrReplaced(kind: StoreKind) throws {
        let store = try kind.make()
        try TestIngest(store: store).ingest(sample)
        var changed = sample[0]
        changed.article.text =
            "The Kelston harbour warehouse fire was caused by a faulty heater, investigators said on Thursday."
        // Without --update: reported, nothing changes.
        let before = try Self.snapshot(store)
        let kept = try TestIngest(store: store).engine().ingest([changed])
        #expect(kept.outcomes == [.changed])
        #expect(kept.summary.changed == 1 && kept.summary.ingested == 0)
        #expect(try Self.snapshot(store) == before)
        // With --update: the stored article is replaced and its event summarized anew.
        let replaced = try TestIngest(store: store, update: true).engine().ingest([changed])
        #expect(replaced.summary.updated == 1)
        guard case .updated = replaced.outcomes.first else {
            Issue.record("not updated: \(replaced.outcomes)")
            return
        }
        let a1 = try #require(try store.article("a1"))
        #expect(a1.article.text == changed.article.text)
        #expect(try store.counts().articles == 3)
        #expect(try store.corpus().documents == 3)
        let (event, articles) = try #require(try store.event(a1.eventID))
        #expect(event.articleCount == articles.count)
        #expect(articles.contains { $0.article.id == "a1" })
        // Posting the new version again changes nothing.
        let again = try TestIngest(store: store, update: true).engine().ingest([changed])
        #expect(again.outcomes == [.duplicate(of: "a1")])
    }

    @Test func aStoreWrittenBeforeTheCorpusWasKeptIsCountedOnce() throws {
        let store = MemoryEventStore()
        try TestIngest(store: store).ingest(sample)
        let counted = try store.corpus()
        // The same articles, committed without any corpus (as an older Concord stored them).
        let old = MemoryEventStore()
        var batch = IngestBatch()
        for (f, event) in try store.loadMemberships() {
            let stored = try #require(try store.article(f.articleID))
            batch.decisions.append(
                StoredDecision(
                    article: stored.article, features: f,
                    decision: try #require(stored.decision), origin: nil))
            batch.memberships[f.articleID] = event
        }
        try old.commit(batch)
        #expect(try old.corpus().documents == 0)
        let engine = try TestIngest(store: old).engine()
        #expect(engine.storedArticles == 3)
        let backfilled = try old.corpus()
        #expect(backfilled.documents == counted.documents)
        #expect(backfilled.termFrequency.reduce(0, +) == counted.termFrequency.reduce(0, +))
        #expect(try old.eventIDs(overlapping: 19_990...20_010).count == 2)
    }
}

@Suite struct WriterLockTests {
    @Test func aSecondWriterIsToldWhoHoldsTheStore() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString).sqlite")
            .path
        var first: WriterLock? = try WriterLock(storePath: path, holder: "concord ingest")
        do {
            _ = try WriterLock(storePath: path, holder: "concord ingest")
            Issue.record("a second writer took the lock")
        } catch let WriterLockError.held(store, by) {
            #expect(store == path)
            #expect(by.contains("pid \(getpid())"))
            #expect(by.contains("concord ingest"))
        }
        withExtendedLifetime(first) {}
        first = nil
        #expect(throws: Never.self) { _ = try WriterLock(storePath: path, holder: "concord ingest") }
    }
}

import ConcordCore
import ConcordEngine
import ConcordSQLite
import ConcordStore
import Foundation
import Testing

/// One suite, run against every store.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory, sqlite
    var testDescription: String { rawValue }

    func make() throws -> any EventStore {
        switch self {
        case .memory: return MemoryEventStore()
        case .sqlite:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("concord-test-\(UUID().uuidString).sqlite").path
            return try SQLiteEventStore(path: path)
        }
    }
}

struct EnglishOnly: LanguageIdentifier {
    func identify(_ text: String) -> LanguageGuess? { nil }
}

func article(_ id: String, _ title: String, _ text: String, day: Int, lang: String = "en") -> InputRecord {
    InputRecord(
        article: Article(
            id: id, source: "src-\(id)", title: title, text: text,
            published: Date(timeIntervalSince1970: Double(day) * 86_400 + 36_000), declaredLanguage: lang),
        origin: RecordOrigin(file: "test.jsonl", line: 1))
}

let sample: [InputRecord] = [
    article(
        "a1", "Harbour fire destroys warehouse in Kelston",
        "A fire destroyed a grain warehouse at the Kelston harbour on Tuesday. Firefighters from Kelston and Avonbridge fought the blaze for six hours.",
        day: 20_000),
    article(
        "a2", "Kelston harbour warehouse burns down",
        "Firefighters from Kelston and Avonbridge fought a blaze at a grain warehouse in the Kelston harbour for six hours on Tuesday.",
        day: 20_000),
    article(
        "a3", "Mayor Ostrova opens new tram line in Dunmere",
        "Mayor Lena Ostrova opened the new tram line between Dunmere station and the university on Friday, with 12 stops.",
        day: 20_003),
]

/// An engine over `store` (English features, no model files), ingesting in batches of `batchSize`.
struct TestIngest {
    var store: any EventStore
    var embedded = false
    var batchSize = 256
    var update = false

    func engine() throws -> Engine {
        var c = Engine.Configuration()
        c.batchSize = batchSize
        c.update = update
        return try Engine(
            store: store, extractor: FeatureExtractor(languageIdentifier: EnglishOnly()),
            embedder: embedded ? ConstantEmbedder() : nil, configuration: c)
    }

    /// Ingests the records in batches with one engine.
    @discardableResult
    func ingest(_ records: [InputRecord]) throws -> IngestSummary {
        let engine = try engine()
        var summary = IngestSummary()
        for start in stride(from: 0, to: records.count, by: batchSize) {
            summary.add(try engine.ingest(Array(records[start..<min(records.count, start + batchSize)])).summary)
        }
        summary.events = try store.counts().events
        return summary
    }
}

@Suite struct EventStoreTests {
    func ingestor(_ store: any EventStore) -> TestIngest { TestIngest(store: store) }

    @Test(arguments: StoreKind.allCases)
    func ingestStoresArticlesEventsAndDecisions(kind: StoreKind) throws {
        let store = try kind.make()
        let summary = try ingestor(store).ingest(sample)
        #expect(summary.ingested == 3)
        #expect(summary.duplicates == 0)
        let counts = try store.counts()
        #expect(counts.articles == 3)
        #expect(counts.decisions == 3)
        #expect(counts.events == summary.events)
        #expect(counts.languages.values.reduce(0, +) == 3)
        let a1 = try #require(try store.article("a1"))
        let a2 = try #require(try store.article("a2"))
        let a3 = try #require(try store.article("a3"))
        #expect(a1.eventID == a2.eventID)
        #expect(a1.eventID != a3.eventID)
        #expect(a2.decision?.kind == .joined)
        let (event, members) = try #require(try store.event(a1.eventID))
        #expect(event.articleCount == 2)
        #expect(Set(members.map(\.article.id)) == ["a1", "a2"])
    }

    @Test(arguments: StoreKind.allCases)
    func ingestIsIdempotent(kind: StoreKind) throws {
        let store = try kind.make()
        _ = try ingestor(store).ingest(sample)
        let before = try store.counts()
        var copy = sample[0]
        copy.article.id = "a1-copy"  // same content under another id
        let again = try ingestor(store).ingest(sample + [copy])
        #expect(again.ingested == 0)
        #expect(again.duplicates == 4)
        #expect(try store.counts() == before)
    }

    @Test(arguments: StoreKind.allCases)
    func laterIngestJoinsStoredEvents(kind: StoreKind) throws {
        let store = try kind.make()
        _ = try ingestor(store).ingest(Array(sample.prefix(1)))
        _ = try ingestor(store).ingest(Array(sample.dropFirst()))
        let a1 = try #require(try store.article("a1"))
        let a2 = try #require(try store.article("a2"))
        #expect(a1.eventID == a2.eventID)
    }

    @Test(arguments: StoreKind.allCases)
    func eventQueriesFilter(kind: StoreKind) throws {
        let store = try kind.make()
        _ = try ingestor(store).ingest(sample)
        #expect(try store.events(matching: EventQuery()).events.count == 2)
        #expect(try store.events(matching: EventQuery()).total == 2)
        #expect(try store.events(matching: EventQuery(language: "vi")).events.isEmpty)
        let since = Date(timeIntervalSince1970: 20_002 * 86_400)
        let recent = try store.events(matching: EventQuery(since: since)).events
        #expect(recent.count == 1)
        #expect(recent.first?.title.contains("tram") == true)
    }

    @Test(arguments: StoreKind.allCases)
    func eventPagesCoverEveryMatchOnce(kind: StoreKind) throws {
        let store = try kind.make()
        _ = try ingestor(store).ingest(sample)
        let all = try store.events(matching: EventQuery()).events.map(\.id)
        try #require(all.count == 2)
        let first = try store.events(matching: EventQuery(limit: 1))
        let second = try store.events(matching: EventQuery(limit: 1, offset: 1))
        let past = try store.events(matching: EventQuery(limit: 1, offset: 2))
        #expect(first.total == 2 && second.total == 2 && past.total == 2)
        #expect(first.events.map(\.id) + second.events.map(\.id) == all)
        #expect(second.offset == 1)
        #expect(past.events.isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func cursorPagesWalkEveryMatchOnceAndEnd(kind: StoreKind) throws {
        let store = try kind.make()
        _ = try ingestor(store).ingest(sample)
        let all = try store.events(matching: EventQuery()).events.map(\.id)
        try #require(all.count == 2)
        let first = try store.events(matching: EventQuery(limit: 1))
        let cursor = try #require(first.next)
        // The token is what a client sends back; it reads as the same place.
        #expect(EventCursor(token: cursor.token) == cursor)
        let parsed: EventCursor = try #require(EventCursor(token: cursor.token))
        let second = try store.events(matching: EventQuery(limit: 1, after: parsed))
        #expect(first.events.map(\.id) + second.events.map(\.id) == all)
        #expect(second.total == 2)
        #expect(second.next == nil)
        // A page that ends exactly at the last match says there is no next one.
        #expect(try store.events(matching: EventQuery(limit: 2)).next == nil)
        // Events that come in between pages do not shift the next page (an offset would).
        _ = try ingestor(store).ingest([
            article("n1", "Bridge reopens in Marlow after repairs", "The bridge in Marlow reopened.", day: 20_010)
        ])
        let later = try store.events(matching: EventQuery(limit: 1, after: cursor))
        #expect(later.events.map(\.id) == second.events.map(\.id))
        #expect(later.total == 3)
    }

    @Test func cursorTokensThatAreNotOnesAreRefused() {
        #expect(EventCursor(token: "") == nil)
        #expect(EventCursor(token: "not a cursor") == nil)
        #expect(EventCursor(token: Data("zz:ev-1".utf8).base64EncodedString()) == nil)
        let undated = EventCursor(key: EventCursor.undated, id: "ev-00ff")
        #expect(EventCursor(token: undated.token) == undated)
    }

    @Test(arguments: StoreKind.allCases)
    func entityAndLanguageFiltersAgreeAcrossStores(kind: StoreKind) throws {
        let store = try kind.make()
        _ = try ingestor(store).ingest(sample)
        let all = try store.events(matching: EventQuery()).events
        for e in all {
            for name in e.entities {
                let page = try store.events(matching: EventQuery(entity: name))
                #expect(page.events.contains { $0.id == e.id }, "\(name) finds \(e.title)")
                #expect(page.events.allSatisfy { $0.entityKeys.contains { $0.contains(NameFolding.fold(name)) } })
            }
            for language in e.languages {
                #expect(try store.events(matching: EventQuery(language: language)).events.contains { $0.id == e.id })
            }
        }
        #expect(try store.events(matching: EventQuery(entity: "Nowhereville")).total == 0)
    }

    @Test(arguments: StoreKind.allCases)
    func eventsAreFoundByTheWordsOfTheirArticles(kind: StoreKind) throws {
        let store = try kind.make()
        let vietnamese = article(
            "v1", "Khai trương tuyến tàu điện ở Hà Nội",
            "Tuyến tàu điện mới nối ga Hà Nội với trường đại học, có 12 nhà ga.", day: 20_003, lang: "vi")
        try ingestor(store).ingest(sample + [vietnamese])
        func titles(_ text: String) throws -> [String] {
            try store.events(matching: EventQuery(text: text)).events.map(\.title)
        }
        // A word of the text only (not of any title or name).
        #expect(try titles("grain") == ["Harbour fire destroys warehouse in Kelston"])
        // Every word must occur, in any order; case does not matter.
        #expect(try titles("UNIVERSITY tram").count == 1)
        #expect(try titles("grain university").isEmpty)
        // Vietnamese, typed without its accents.
        #expect(try titles("ha noi").contains("Khai trương tuyến tàu điện ở Hà Nội"))
        #expect(try titles("nowhere-to-be-found").isEmpty)
        // Query syntax is taken literally, not as a search expression.
        #expect(throws: Never.self) { _ = try titles("\"fire OR* (") }
    }

    @Test(arguments: StoreKind.allCases)
    func rejectsAreKeptOnce(kind: StoreKind) throws {
        let store = try kind.make()
        let bad = RecordError.noText(RecordOrigin(file: "f.jsonl", line: 3), id: "x")
        try store.recordRejects([bad])
        try store.recordRejects([bad])
        #expect(try store.counts().rejects == 1)
    }

    @Test func sqliteStoreRejectsAFileThatIsNotADatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-db-\(UUID().uuidString).sqlite")
            .path
        try Data("this is not sqlite".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try SQLiteEventStore(path: path) }
    }
}

/// A stand-in encoder: one fixed unit vector per text, so tests need no model.
struct ConstantEmbedder: TextEmbedder {
    func embed(_ texts: [String]) -> [[Float]] { texts.map { _ in [1, 0, 0] } }
}

/// A store keeps one kind of article: with dense embeddings or without.
@Suite struct EmbeddingConsistencyTests {
    func ingestor(_ store: any EventStore, embedded: Bool) -> TestIngest {
        TestIngest(store: store, embedded: embedded)
    }

    @Test(arguments: StoreKind.allCases, [true, false])
    func mixingIsRefusedBeforeAnythingIsStored(kind: StoreKind, firstEmbedded: Bool) throws {
        let store = try kind.make()
        _ = try ingestor(store, embedded: firstEmbedded).ingest(Array(sample.prefix(2)))
        let before = try store.counts()
        #expect(throws: IngestError.self) {
            try ingestor(store, embedded: !firstEmbedded).ingest(sample)
        }
        #expect(try store.counts() == before)
        // The same kind goes on, and records already stored are fine either way.
        let summary = try ingestor(store, embedded: firstEmbedded).ingest(sample)
        #expect(summary.ingested == 1)
        _ = try ingestor(store, embedded: !firstEmbedded).ingest(Array(sample.prefix(2)))
    }
}

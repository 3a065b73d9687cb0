import ConcordCore
import ConcordEngine
import ConcordStore
import Foundation
import Testing

@testable import ConcordSQLite

/// The SQLite store's language and entity filters read indexes (each event's languages; each event's entity
/// keys, found by their trigrams); they must always say what the events' own lists say, as the in-memory
/// store's ``EventFilter`` does, through joins, moves, merges and replaced articles, and on a store written
/// before the indexes existed.
@Suite struct FilterIndexTests {
    /// Two reports a day of one happening (English, then Italian), and one of another, in made-up words.
    static func stream(days: Int) -> [InputRecord] {
        EngineTests.stream(days: days).enumerated().map { i, r in
            var r = r
            if i % 3 == 1 { r.article.declaredLanguage = "it" }
            return r
        }
    }

    /// Every event `query` matches, page after page by cursor.
    static func paged(_ store: any EventStore, _ query: EventQuery) throws -> [EventID] {
        var ids: [EventID] = []
        var query = query
        repeat {
            let page = try store.events(matching: query)
            ids += page.events.map(\.id)
            query.after = page.next
        } while query.after != nil
        return ids
    }

    /// Every language's page and total against the events that list that language.
    static func expectIndexAgrees(_ store: any EventStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let all = try store.events(matching: EventQuery(limit: 10_000)).events
        let languages = Set(all.flatMap(\.languages)).union(["xx"])
        for language in languages.sorted() {
            let expected = Set(all.filter { $0.languages.contains(language) }.map(\.id))
            let page = try store.events(matching: EventQuery(language: language, limit: 10_000))
            #expect(Set(page.events.map(\.id)) == expected, "\(language)", sourceLocation: sourceLocation)
            #expect(page.total == expected.count, "\(language)", sourceLocation: sourceLocation)
            // Paged two at a time with cursors, the same events in the listing's order.
            #expect(
                try paged(store, EventQuery(language: language, limit: 2))
                    == all.filter { $0.languages.contains(language) }.map(\.id), sourceLocation: sourceLocation)
        }
    }

    /// Every entity key, parts of keys (too short for a trigram, one trigram, from inside a word, a name as
    /// typed) and a name no event has: page, total and cursor paging against the events' own keys, where a
    /// part matches at the start of a word.
    static func expectEntityIndexAgrees(
        _ store: any EventStore, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let all = try store.events(matching: EventQuery(limit: 10_000)).events
        let keys = Set(all.flatMap(\.entityKeys))
        try #require(!keys.isEmpty, sourceLocation: sourceLocation)
        var queries = keys.union(["Zqxwv", "a", "LO"])
        for key in keys where key.count >= 6 {
            queries.formUnion([String(key.prefix(2)), String(key.prefix(3)), String(key.dropFirst(2).prefix(3))])
            queries.insert(key.prefix(1).uppercased() + key.dropFirst())
        }
        for query in queries.sorted() {
            let folded = NameFolding.fold(query)
            let expected = all.filter { $0.entityKeys.contains { (" " + $0).contains(" " + folded) } }.map(\.id)
            let page = try store.events(matching: EventQuery(entity: query, limit: 10_000))
            #expect(page.events.map(\.id) == expected, "\(query)", sourceLocation: sourceLocation)
            #expect(page.total == expected.count, "\(query)", sourceLocation: sourceLocation)
            #expect(try paged(store, EventQuery(entity: query, limit: 3)) == expected, sourceLocation: sourceLocation)
        }
        // Both filters at once.
        for language in Set(all.flatMap(\.languages)).sorted() {
            for key in keys.sorted().prefix(5) {
                let expected = all.filter { $0.languages.contains(language) && $0.entityKeys.contains(key) }
                let page = try store.events(matching: EventQuery(language: language, entity: key, limit: 10_000))
                #expect(page.events.map(\.id) == expected.map(\.id), sourceLocation: sourceLocation)
                #expect(page.total == expected.count, sourceLocation: sourceLocation)
            }
        }
    }

    /// Both ways of reading a filtered page: from the indexes (few matches), and walking the events newest
    /// first (many; a cut of 0 makes every match many).
    @Test(arguments: [1_000, 0])
    func theFiltersFollowEveryChangeOfAnEvent(rareIndexedEvents: Int) throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("concord-test-\(UUID().uuidString).sqlite").path
        let store = try SQLiteEventStore(path: path, rareIndexedEvents: rareIndexedEvents)
        let records = Self.stream(days: 12)
        // One article a batch: events grow, and the merge pass joins what one batch could not.
        try TestIngest(store: store, batchSize: 1).ingest(records)
        let before = try store.events(matching: EventQuery(language: "it")).total
        try #require(before > 0)
        try Self.expectIndexAgrees(store)
        try Self.expectEntityIndexAgrees(store)
        // An Italian report replaced by a German one: its event lists German, and Italian no more.
        var replaced = records[1]
        replaced.article.declaredLanguage = "de"
        replaced.article.text += " Tusvor."
        let result = try TestIngest(store: store, update: true).engine().ingest([replaced])
        try #require(result.summary.updated == 1)
        #expect(try store.events(matching: EventQuery(language: "de")).total == 1)
        #expect(try store.events(matching: EventQuery(language: "it")).total == before - 1)
        try Self.expectIndexAgrees(store)
        try Self.expectEntityIndexAgrees(store)
    }

    /// An event written again with other keys is found by its new keys only; a removed event by none; a key
    /// no event holds any more finds nothing, and finds its events again when one holds it anew.
    @Test func anEventsKeysAreReplacedWhenItIsWrittenAgain() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("concord-test-\(UUID().uuidString).sqlite").path
        let store = try SQLiteEventStore(path: path)
        func event(_ id: String, _ keys: [String]) -> EventSummary {
            EventSummary(
                id: EventID(id), title: id, articleCount: 1, sourceCount: 1, languages: ["en"],
                firstPublished: 1_000, lastPublished: 1_000, eventDate: nil, eventDateEvidence: nil,
                entities: keys, entityKeys: keys)
        }
        func found(_ entity: String) throws -> [String] {
            try store.events(matching: EventQuery(entity: entity)).events.map(\.id.rawValue)
        }
        try store.write { db in
            try SQLiteEventStore.upsert(
                [event("ev-1", ["aldo ferri", "castelmare"]), event("ev-2", ["castelmare"])], db: db,
                encoder: JSONEncoder())
        }
        #expect(try found("ferri") == ["ev-1"])
        #expect(try found("Castelmare") == ["ev-1", "ev-2"])
        try store.write { db in
            try SQLiteEventStore.upsert([event("ev-1", ["luca bernardini"])], db: db, encoder: JSONEncoder())
            try SQLiteEventStore.deleteEvent("ev-2", db: db)
        }
        #expect(try found("ferri") == [])
        #expect(try found("castelmare") == [])
        #expect(try found("bernardini") == ["ev-1"])
        try store.write { db in
            try SQLiteEventStore.upsert([event("ev-3", ["castelmare"])], db: db, encoder: JSONEncoder())
        }
        #expect(try found("castel") == ["ev-3"])
        #expect(try found("ca") == ["ev-3"])  // shorter than a trigram; not inside "luca"
        #expect(try found("bern") == ["ev-1"])
        #expect(try found("Luca Bern") == ["ev-1"])
        #expect(try found("ardini") == [])
    }

    @Test func aStoreWrittenBeforeTheIndexesGetsThem() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("concord-test-\(UUID().uuidString).sqlite").path
        do {
            let store = try SQLiteEventStore(path: path)
            try TestIngest(store: store).ingest(Self.stream(days: 5))
            // As a store of the version before both: no index, each event's keys in one column, and the two
            // migrations not applied.
            let summaries = try store.events(matching: EventQuery(limit: 10_000)).events
            try store.write { db in
                try db.execute(
                    sql: """
                        DROP TABLE event_languages;
                        DROP TABLE event_entities;
                        DROP TABLE entity_vocabulary_trigrams;
                        DROP TABLE entity_vocabulary;
                        ALTER TABLE events ADD COLUMN entity_keys TEXT NOT NULL DEFAULT '';
                        DELETE FROM grdb_migrations WHERE identifier IN ('v8 event languages', 'v9 event entities');
                        """)
                for e in summaries {
                    try db.execute(
                        sql: "UPDATE events SET entity_keys = ? WHERE id = ?",
                        arguments: [SQLiteEventStore.joinedKeys(e), e.id.rawValue])
                }
            }
        }
        let reopened = try SQLiteEventStore(path: path)
        #expect(try reopened.events(matching: EventQuery(language: "it")).total > 0)
        try Self.expectIndexAgrees(reopened)
        try Self.expectEntityIndexAgrees(reopened)
    }
}

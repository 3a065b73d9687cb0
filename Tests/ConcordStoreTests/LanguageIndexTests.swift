import ConcordCore
import ConcordEngine
import ConcordStore
import Foundation
import Testing

@testable import ConcordSQLite

/// The SQLite store's language filter reads an index of each event's languages; it must always say what the
/// events' own language lists say, through joins, moves, merges and replaced articles, and on a store written
/// before the index existed.
@Suite struct LanguageIndexTests {
    /// Two reports a day of one happening (English, then Italian), and one of another, in made-up words.
    static func stream(days: Int) -> [InputRecord] {
        EngineTests.stream(days: days).enumerated().map { i, r in
            var r = r
            if i % 3 == 1 { r.article.declaredLanguage = "it" }
            return r
        }
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
            var paged: [EventID] = []
            var after: EventCursor?
            repeat {
                let p = try store.events(matching: EventQuery(language: language, limit: 2, after: after))
                paged += p.events.map(\.id)
                after = p.next
            } while after != nil
            #expect(paged == all.filter { $0.languages.contains(language) }.map(\.id), sourceLocation: sourceLocation)
        }
    }

    /// Both ways of reading a language's page: from the language index (a rare language), and walking the
    /// events newest first (a common one; a cut of 0 makes every language common).
    @Test(arguments: [1_000, 0])
    func theLanguageFilterFollowsEveryChangeOfAnEvent(rareLanguageEvents: Int) throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("concord-test-\(UUID().uuidString).sqlite").path
        let store = try SQLiteEventStore(path: path, rareLanguageEvents: rareLanguageEvents)
        let records = Self.stream(days: 12)
        // One article a batch: events grow, and the merge pass joins what one batch could not.
        try TestIngest(store: store, batchSize: 1).ingest(records)
        let before = try store.events(matching: EventQuery(language: "it")).total
        try #require(before > 0)
        try Self.expectIndexAgrees(store)
        // An Italian report replaced by a German one: its event lists German, and Italian no more.
        var replaced = records[1]
        replaced.article.declaredLanguage = "de"
        replaced.article.text += " Tusvor."
        let result = try TestIngest(store: store, update: true).engine().ingest([replaced])
        try #require(result.summary.updated == 1)
        #expect(try store.events(matching: EventQuery(language: "de")).total == 1)
        #expect(try store.events(matching: EventQuery(language: "it")).total == before - 1)
        try Self.expectIndexAgrees(store)
    }

    @Test func aStoreWrittenBeforeTheIndexGetsOne() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("concord-test-\(UUID().uuidString).sqlite").path
        do {
            let store = try SQLiteEventStore(path: path)
            try TestIngest(store: store).ingest(Self.stream(days: 5))
            // As a store of the version before: no index, and its migration not applied.
            try store.write { db in
                try db.execute(
                    sql: """
                        DROP TABLE event_languages;
                        DELETE FROM grdb_migrations WHERE identifier = 'v8 event languages';
                        """)
            }
        }
        let reopened = try SQLiteEventStore(path: path)
        #expect(try reopened.events(matching: EventQuery(language: "it")).total > 0)
        try Self.expectIndexAgrees(reopened)
    }
}

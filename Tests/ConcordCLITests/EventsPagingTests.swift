import Foundation
import Testing

/// `concord events` says when it shows fewer events than match, and pages with --offset.
@Suite struct EventsPagingTests {
    struct Row: Decodable {
        var id: String
    }

    @Test func pagesSayHowManyMatchAndDoNotOverlap() async throws {
        try await withTemporaryDirectory { dir in
            let ingest = try await ConcordProcess.run(
                ["ingest", ConcordProcess.demo("articles.jsonl"), "--db", "s.sqlite", "--no-embedding", "--quiet"],
                in: dir)
            #expect(ingest.succeeded, "\(ingest)")
            let all = try await ConcordProcess.run(["events", "--db", "s.sqlite", "--format", "json"], in: dir)
            let ids = try all.json([Row].self).map(\.id)
            try #require(ids.count > 5)
            let first = try await ConcordProcess.run(["events", "--db", "s.sqlite", "--limit", "5"], in: dir)
            #expect(first.succeeded, "\(first)")
            #expect(first.stderr.contains("events 1-5 of \(ids.count); --offset 5 for the next"), "\(first)")
            let second = try await ConcordProcess.run(
                ["events", "--db", "s.sqlite", "--limit", "5", "--offset", "5", "--format", "json"], in: dir)
            #expect(try second.json([Row].self).map(\.id) == Array(ids[5..<min(10, ids.count)]))
            let whole = try await ConcordProcess.run(["events", "--db", "s.sqlite", "--limit", "1000"], in: dir)
            #expect(!whole.stderr.contains(" of "), "no note when every match is shown: \(whole)")
            // An empty table says why it is empty.
            let none = try await ConcordProcess.run(["events", "--db", "s.sqlite", "--lang", "xx"], in: dir)
            #expect(none.succeeded && none.stderr.contains("no event matches these filters"), "\(none)")
            let allShown = try await ConcordProcess.run(["events", "--db", "s.sqlite"], in: dir)
            #expect(!allShown.stderr.contains("no event"), "\(allShown)")
        }
    }
}

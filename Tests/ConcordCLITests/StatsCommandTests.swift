import Foundation
import Testing

/// `concord stats` reports what the store holds.
@Suite struct StatsCommandTests {
    struct Report: Decodable {
        var articles: Int
        var events: Int
        var rejects: Int
        var languages: [String: Int]
        var bytes: Int
    }

    @Test func statsCountTheDemoStore() async throws {
        try await withTemporaryDirectory { dir in
            let ingest = try await ConcordProcess.run(
                [
                    "ingest", ConcordProcess.demo("articles.jsonl"), ConcordProcess.demo("bad.jsonl"), "--db",
                    "s.sqlite",
                    "--no-embedding", "--quiet",
                ],
                in: dir)
            #expect(ingest.succeeded, "\(ingest)")
            let stats = try await ConcordProcess.run(["stats", "--db", "s.sqlite", "--format", "json"], in: dir)
            #expect(stats.succeeded, "\(stats)")
            let report = try stats.json(Report.self)
            #expect(report.articles == 63)
            #expect(report.rejects == 5)
            #expect(report.events > 0 && report.events < report.articles)
            #expect(report.languages.values.reduce(0, +) == report.articles)
            #expect(report.languages.count >= 5, "the demo is in six languages: \(report.languages)")
            #expect(report.bytes > 0)
            let table = try await ConcordProcess.run(["stats", "--db", "s.sqlite"], in: dir)
            #expect(table.stdout.contains("articles") && table.stdout.contains("63"), "\(table)")
            let missing = try await ConcordProcess.run(["stats", "--db", "none.sqlite"], in: dir)
            #expect(missing.status == 1 && missing.stderr.contains("no store at none.sqlite"), "\(missing)")
        }
    }
}

import Foundation
import Testing

/// A store built without embeddings does not silently take articles with them.
@Suite struct EmbeddingMixTests {
    @Test func ingestWithTheEncoderIntoAStoreBuiltWithoutIsRefused() async throws {
        try await withTemporaryDirectory { dir in
            let first = try await ConcordProcess.run(
                ["ingest", ConcordProcess.demo("bad.jsonl"), "--db", "s.sqlite", "--no-embedding", "--quiet"], in: dir)
            #expect(first.succeeded, "\(first)")
            let second = try await ConcordProcess.run(
                ["ingest", ConcordProcess.demo("articles.jsonl"), "--db", "s.sqlite", "--quiet"], in: dir)
            #expect(second.status == 1, "\(second)")
            #expect(second.stderr.contains("built without embeddings"), "\(second)")
            let stats = try await ConcordProcess.run(["stats", "--db", "s.sqlite", "--format", "json"], in: dir)
            #expect(stats.stdout.contains("\"articles\" : 3"), "nothing was added: \(stats)")
        }
    }
}

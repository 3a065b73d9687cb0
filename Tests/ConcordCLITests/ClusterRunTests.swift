import Foundation
import Testing

/// `concord cluster`: in memory, nothing written. Without the dense encoder, which is slow in a debug build.
@Suite struct ClusterRunTests {
    @Test func everyDemoArticleIsInExactlyOneEvent() async throws {
        let corpus = try DemoArticle.all()
        try #require(corpus.count == 60)
        try await withTemporaryDirectory { dir in
            let result = try await ConcordProcess.run(
                ["cluster", ConcordProcess.demo("articles.jsonl"), "--format", "json", "--no-embedding"], in: dir)
            #expect(result.succeeded, "\(result)")
            let output = try result.json(ClusterOutput.self)
            #expect(output.rejected == 0)
            let clustered = output.events.flatMap(\.articles)
            #expect(clustered.count == corpus.count, "an article is missing or listed twice")
            #expect(Set(clustered) == Set(corpus.map(\.id)))
            #expect(Set(output.events.map(\.id)).count == output.events.count, "event ids repeat")
            #expect(output.events.allSatisfy { !$0.articles.isEmpty && !$0.title.isEmpty && !$0.languages.isEmpty })
            let gold = Set(corpus.map(\.cluster)).count
            #expect(output.events.count >= gold, "fewer events than gold events, so some event holds two gold events")
            #expect(output.events.count < corpus.count, "nothing was clustered together")
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }
            #expect(files.isEmpty, "cluster wrote \(files)")
        }
    }

    @Test func badRecordsAreCountedNotClustered() async throws {
        try await withTemporaryDirectory { dir in
            let result = try await ConcordProcess.run(
                ["cluster", ConcordProcess.demo("bad.jsonl"), "--format", "json", "--no-embedding"], in: dir)
            #expect(result.succeeded, "\(result)")
            let output = try result.json(ClusterOutput.self)
            #expect(output.rejected == 5)
            #expect(output.events.flatMap(\.articles).sorted() == ["bad-001", "bad-007", "bad-008"])
        }
    }
}

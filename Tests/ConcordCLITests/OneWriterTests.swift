import Foundation
import Testing

/// One ingest writes to a store at a time; a second one is told who holds it, or waits with --wait.
@Suite(.serialized) struct OneWriterTests {
    @Test func aSecondIngestIsToldWhoWritesOrWaits() async throws {
        try await withTemporaryDirectory { dir in
            // 10 batches of 2 s: the first ingest is still writing when the second starts, also on a loaded machine.
            let input = try CrashRecoveryTests.writeInput(articles: 40, in: dir)
            let store = StoreQueries(directory: dir, db: "busy.sqlite")
            let first = try ConcordProcess.start(
                [
                    "ingest", input, "--db", store.db, "--quiet", "--format", "json", "--batch-size", "4",
                    "--commit-delay-ms", "2000",
                ] + store.modelArguments, in: dir)
            // The lock file names its holder once the first ingest holds the store.
            let lockFile = dir.appendingPathComponent("busy.sqlite.lock").path
            while first.isRunning, (try? String(contentsOfFile: lockFile, encoding: .utf8))?.isEmpty ?? true {
                try await Task.sleep(for: .milliseconds(50))
            }
            try #require(first.isRunning, "the first ingest ended before the second could start")
            let refused = try await ConcordProcess.run(
                ["ingest", input, "--db", store.db, "--quiet"] + store.modelArguments, in: dir)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("another writer is using the store"), "\(refused)")
            #expect(refused.stderr.contains("concord ingest"))
            #expect(refused.stderr.contains("--wait"))
            #expect(!refused.stderr.contains("SQLite"))
            let waited = try await ConcordProcess.run(
                ["ingest", input, "--db", store.db, "--quiet", "--wait", "--format", "json"] + store.modelArguments,
                in: dir)
            #expect(waited.succeeded, "\(waited)")
            #expect(waited.stderr.contains("waiting for the writer"))
            let firstDone = try await first.finish()
            #expect(firstDone.succeeded)
            let summary = try waited.json(IngestOutput.self).summary
            #expect(summary.duplicates == 40 && summary.ingested == 0)
        }
    }

    @Test func anIdStoredWithOtherContentIsReportedThenReplacedWithUpdate() async throws {
        try await withTemporaryDirectory { dir in
            let input = try CrashRecoveryTests.writeInput(articles: 6, in: dir)
            let store = StoreQueries(directory: dir, db: "update.sqlite")
            _ = try await store.ingest([input, "--quiet"])
            // The first record again, its text changed.
            let first = try String(contentsOfFile: input, encoding: .utf8).split(separator: "\n")[0]
            var object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
            let id = try #require(object["id"] as? String)
            object["text"] = "Correction: " + ((object["text"] as? String) ?? "")
            let changed = dir.appendingPathComponent("changed.jsonl")
            try JSONSerialization.data(withJSONObject: object).write(to: changed)
            let (kept, report) = try await store.ingest([changed.path])
            #expect(kept.ingested == 0)
            #expect(report.stderr.contains("changed: \(changed.path):1 [\(id)]"), "\(report)")
            let (updated, _) = try await store.ingest([changed.path, "--update"])
            #expect(updated.ingested == 1)
            let members = try await store.memberships().values.flatMap { $0 }
            #expect(members.count == 6)
            #expect(members.filter { $0 == id }.count == 1)
        }
    }
}

import ConcordEngine
import Foundation
import Testing

/// One ingest writes to a store at a time; a second one is told who holds it, or waits with --wait.
@Suite(.serialized) struct OneWriterTests {
    @Test func aSecondIngestIsToldWhoWritesOrWaits() async throws {
        try await withTemporaryDirectory { dir in
            let input = try CrashRecoveryTests.writeInput(articles: 8, in: dir)
            let store = StoreQueries(directory: dir, db: "busy.sqlite")
            // This process holds the store, as a running ingest would.
            var holder: WriterLock? = try WriterLock(
                storePath: dir.appendingPathComponent("busy.sqlite").path, holder: "concord ingest")
            let refused = try await ConcordProcess.run(
                ["ingest", input, "--db", store.db, "--quiet"] + store.modelArguments, in: dir)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("another writer is using the store"), "\(refused)")
            #expect(refused.stderr.contains("pid \(getpid()), `concord ingest`"))
            #expect(refused.stderr.contains("--wait"))
            #expect(!refused.stderr.contains("SQLite"))
            // --wait queues behind the holder and runs once it lets go.
            let waiting = try ConcordProcess.start(
                ["ingest", input, "--db", store.db, "--quiet", "--wait", "--format", "json"] + store.modelArguments,
                in: dir)
            try await Task.sleep(for: .seconds(2))
            #expect(waiting.isRunning, "a --wait ingest did not wait for the store")
            withExtendedLifetime(holder) {}
            holder = nil
            let waited = try await waiting.finish()
            #expect(waited.succeeded, "\(waited)")
            #expect(waited.stderr.contains("waiting for the writer"))
            #expect(try waited.json(IngestOutput.self).summary.ingested == 8)
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

import Foundation
import Testing

/// `concord train` failures that need neither the gold datasets nor a long run.
@Suite struct TrainCommandTests {
    @Test func unknownLeaveOutNameIsAUsageError() async throws {
        try await withTemporaryDirectory { dir in
            let result = try await ConcordProcess.run(
                ["train", "--output", "model.json", "--leave-out", "semeval", "--leave-out", "newsroom"], in: dir)
            #expect(!result.killedBySignal && result.status == 64, "\(result)")
            #expect(result.stderr.contains("unknown dataset newsroom"), "\(result)")
            for known in ["vmds", "allsides_neus", "rpm2_fr", "vlsp2022_abmusu", "semeval"] {
                #expect(result.stderr.contains(known), "the message should list \(known): \(result)")
            }
            #expect(result.stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("model.json").path))
        }
    }

    @Test func missingDatasetsFolderIsAnError() async throws {
        try await withTemporaryDirectory { dir in
            let result = try await ConcordProcess.run(
                ["train", "--datasets", "/nonexistent", "--output", "x.json"], in: dir)
            #expect(!result.killedBySignal && result.status == 1, "a runtime failure, not a usage error: \(result)")
            #expect(result.stderr.contains("/nonexistent"), "\(result)")
            #expect(result.stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.json").path))
        }
    }
}

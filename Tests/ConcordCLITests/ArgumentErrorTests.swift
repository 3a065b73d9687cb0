import Foundation
import Testing

/// Bad arguments, through the binary: exit code 64 (EX_USAGE) and a message on stderr, nothing on stdout.
@Suite struct ArgumentErrorTests {
    @Test(arguments: [
        ["events", "--format", "xml"],
        ["ingest", "x.jsonl", "--format", "html"],
    ])
    func badFormatValue(_ arguments: [String]) async throws {
        try await withTemporaryDirectory { dir in
            let result = try await ConcordProcess.run(arguments, in: dir)
            #expect(!result.killedBySignal && result.status == 64, "\(result)")
            #expect(result.stderr.contains("'xml'") || result.stderr.contains("'html'"), "\(result)")
            #expect(result.stderr.contains("--format"))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func explainWithThreeIDs() async throws {
        try await withTemporaryDirectory { dir in
            let result = try await ConcordProcess.run(["explain", "a", "b", "c"], in: dir)
            #expect(!result.killedBySignal && result.status == 64, "\(result)")
            #expect(result.stderr.contains("one or two article ids"), "\(result)")
        }
    }

    @Test func readingAMissingStoreFailsWithoutCreatingIt() async throws {
        try await withTemporaryDirectory { dir in
            let result = try await ConcordProcess.run(["events", "--db", "none.sqlite"], in: dir)
            #expect(!result.killedBySignal && result.status == 1, "a runtime failure, not a usage error: \(result)")
            #expect(result.stderr.contains("none.sqlite"), "\(result)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("none.sqlite").path))
        }
    }
}

/// A command offers only the formats it prints.
@Suite struct ReportFormatTests {
    @Test(arguments: [["explain", "a", "b"], ["eval", "gold.jsonl"]], ["csv", "jsonl"])
    func unsupportedFormatsAreRefused(_ command: [String], _ format: String) async throws {
        try await withTemporaryDirectory { dir in
            let result = try await ConcordProcess.run(command + ["--format", format], in: dir)
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.contains("table") && result.stderr.contains("json"), "\(result)")
        }
    }
}

import Testing

@testable import concord

/// Argument parsing, in process: no binary, no models, no store.
@Suite struct ParseTests {
    @Test(arguments: [
        ["events", "--format", "xml"],
        ["event", "ev-1", "--format", "yaml"],
        ["ingest", "a.jsonl", "--format", "html"],
        ["cluster", "a.jsonl", "--format", "tsv"],
    ])
    func badFormatIsRejected(_ arguments: [String]) {
        do {
            _ = try Concord.parseAsRoot(arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            let message = Concord.message(for: error)
            #expect(message.contains("--format"), "\(message)")
            #expect(message.contains("'table'") && message.contains("'json'"), "\(message)")
        }
    }

    @Test func explainTakesOneOrTwoIDs() throws {
        #expect(throws: (any Error).self) { try Concord.parseAsRoot(["explain", "a", "b", "c"]) }
        #expect(throws: (any Error).self) { try Concord.parseAsRoot(["explain"]) }
        let one = try #require(try Concord.parseAsRoot(["explain", "demo-001"]) as? ExplainCommand)
        #expect(one.articles == ["demo-001"])
        let two = try #require(
            try Concord.parseAsRoot(["explain", "demo-001", "demo-007", "--format", "json"]) as? ExplainCommand)
        #expect(two.articles == ["demo-001", "demo-007"])
        #expect(two.format == .json)
    }

    @Test func ingestNeedsAPath() {
        #expect(throws: (any Error).self) { try Concord.parseAsRoot(["ingest"]) }
    }

    @Test func ingestOptions() throws {
        let command = try #require(
            try Concord.parseAsRoot([
                "ingest", "a.jsonl", "dir", "--db", "x.sqlite", "--batch-size", "4", "--quiet",
                "--rejects", "r.jsonl", "--format", "json",
            ]) as? IngestCommand)
        #expect(command.input.paths == ["a.jsonl", "dir"])
        #expect(command.store.path == "x.sqlite")
        #expect(command.batchSize == 4)
        #expect(command.input.quiet)
        #expect(command.input.rejects == "r.jsonl")
        #expect(command.format == .json)
        #expect(command.crashTest.commitDelayMs == 0)
    }

    @Test func commitDelayIsParsedButHidden() throws {
        let command = try #require(
            try Concord.parseAsRoot(["ingest", "a.jsonl", "--commit-delay-ms", "200"]) as? IngestCommand)
        #expect(command.crashTest.commitDelayMs == 200)
        #expect(!IngestCommand.helpMessage().contains("commit-delay"))
    }
}

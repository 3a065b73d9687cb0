import Testing

/// The help the built binary prints. Content checks, not byte snapshots: the wording will still change.
@Suite struct HelpTextTests {
    @Test func rootHelpListsEverySubcommand() async throws {
        try await withTemporaryDirectory { dir in
            let help = try await ConcordProcess.run(["--help"], in: dir)
            #expect(help.succeeded, "\(help)")
            #expect(help.stdout.contains("USAGE: concord"))
            #expect(help.stdout.contains("SUBCOMMANDS:"))
            let lines = help.stdout.split(separator: "\n").map { $0.trimmingPrefix(while: \.isWhitespace) }
            for name in ["ingest", "events", "event", "explain", "cluster", "eval"] {
                #expect(lines.contains { $0.hasPrefix(name + " ") }, "`\(name)` is not listed in concord --help")
            }
        }
    }

    @Test func ingestHelpNamesTheStoreAndInputFormats() async throws {
        try await withTemporaryDirectory { dir in
            let help = try await ConcordProcess.run(["ingest", "--help"], in: dir)
            #expect(help.succeeded, "\(help)")
            let options = ["--db", "--batch-size", "--rejects", "--quiet", "--format"]
            for text in options + [".jsonl", ".json", ".txt", "stdin"] {
                #expect(help.stdout.contains(text), "concord ingest --help does not mention \(text)")
            }
            #expect(!help.stdout.contains("commit-delay"), "the crash-test option must stay hidden")
        }
    }

    @Test(arguments: ["events", "event", "explain", "cluster", "eval"])
    func everySubcommandHasHelp(_ name: String) async throws {
        try await withTemporaryDirectory { dir in
            let help = try await ConcordProcess.run([name, "--help"], in: dir)
            #expect(help.succeeded, "\(help)")
            #expect(help.stdout.contains("USAGE: concord \(name)"))
            #expect(help.stdout.contains("--format"))
        }
    }

    /// The overview and discussion read as paragraphs: a line ends only where the next word would not fit in
    /// ArgumentParser's 79 columns, or where a paragraph, list or example ends. A hard break mid-sentence in
    /// the source leaves short, ragged lines once ArgumentParser wraps the text.
    @Test(arguments: ["ingest", "events", "event", "explain", "cluster", "eval", "compare", "train", "embed"])
    func discussionIsWrappedAsParagraphs(_ name: String) async throws {
        try await withTemporaryDirectory { dir in
            let help = try await ConcordProcess.run([name, "--help"], in: dir)
            #expect(help.succeeded, "\(help)")
            let prose = help.stdout.components(separatedBy: "USAGE:")[0].components(separatedBy: "\n")
            for (line, next) in zip(prose, prose.dropFirst()) where !line.isEmpty && !next.isEmpty {
                guard !next.hasPrefix(" "), !line.hasSuffix(":"), let word = next.split(separator: " ").first else {
                    continue
                }
                #expect(line.count + 1 + word.count >= 80, "concord \(name) --help breaks a line early: \(line)")
            }
        }
    }
}

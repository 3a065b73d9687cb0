import Foundation
import Testing

/// How input paths become articles: ids of text files, folders given through symbolic links.
@Suite struct InputPathsTests {
    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("text files with one name in two folders are two articles, named by their path in the folder given")
    func textIDsComeFromTheRelativePath() async throws {
        try await withTemporaryDirectory { dir in
            let input = dir.appendingPathComponent("in")
            try Self.write(
                "Derby ends 1-1\n\nCastelmare and Sporting drew 1-1 on Sunday after a late penalty.",
                to: input.appendingPathComponent("a/story.txt"))
            try Self.write(
                "Flood in the old town\n\nHeavy rain flooded the old town of Porto Azzurro on Monday night.",
                to: input.appendingPathComponent("b/story.txt"))
            let result = try await ConcordProcess.run(
                ["cluster", "in", "--format", "json", "--no-embedding"], in: dir)
            #expect(result.succeeded, "\(result)")
            let output = try result.json(ClusterOutput.self)
            #expect(output.events.flatMap(\.articles).sorted() == ["a/story", "b/story"])
        }
    }

    @Test("an HTML page is read as HTML: its title, its body's text")
    func htmlPage() async throws {
        try await withTemporaryDirectory { dir in
            try Self.write(
                """
                <html><head><title>Flood in the old town</title></head><body><p>Heavy rain flooded the old
                town of Porto Azzurro on Monday night.</p><script>alert(1)</script></body></html>
                """, to: dir.appendingPathComponent("in/flood.html"))
            let result = try await ConcordProcess.run(["cluster", "in", "--format", "json", "--no-embedding"], in: dir)
            #expect(result.succeeded, "\(result)")
            let output = try result.json(ClusterOutput.self)
            #expect(output.events.flatMap(\.articles) == ["flood"])
            #expect(output.events.first?.title == "Flood in the old town")
        }
    }

    @Test("a folder given through a symbolic link is read")
    func symlinkedFolderIsRead() async throws {
        try await withTemporaryDirectory { dir in
            let input = dir.appendingPathComponent("real")
            try Self.write(
                "Derby ends 1-1\n\nCastelmare and Sporting drew 1-1 on Sunday after a late penalty.",
                to: input.appendingPathComponent("derby.txt"))
            try FileManager.default.createSymbolicLink(
                at: dir.appendingPathComponent("link"), withDestinationURL: input)
            let result = try await ConcordProcess.run(
                ["cluster", "link", "--format", "json", "--no-embedding"], in: dir)
            #expect(result.succeeded, "\(result)")
            let output = try result.json(ClusterOutput.self)
            #expect(output.events.flatMap(\.articles) == ["derby"])
        }
    }
}

/// Inputs that give nothing end the command with an error, before any store is touched.
@Suite struct EmptyInputTests {
    @Test("a path that does not exist is a usage error naming it; no store is created")
    func missingPath() async throws {
        try await withTemporaryDirectory { dir in
            let result = try await ConcordProcess.run(["ingest", "absent.jsonl", "--db", "s.sqlite"], in: dir)
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.contains("absent.jsonl: no such file or folder"), "\(result)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("s.sqlite").path))
        }
    }

    @Test("a folder with nothing readable in it exits 1 and says so", arguments: ["ingest", "cluster"])
    func nothingReadable(_ command: String) async throws {
        try await withTemporaryDirectory { dir in
            let input = dir.appendingPathComponent("in")
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            try "not an article".write(to: input.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
            let result = try await ConcordProcess.run(
                [command, "in", "--no-embedding"] + (command == "ingest" ? ["--db", "s.sqlite"] : []), in: dir)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("nothing to read in in"), "\(result)")
        }
    }
}

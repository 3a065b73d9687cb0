import ArgumentParser
import ConcordCore
import Foundation

/// Input paths and how bad records are reported.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Files or folders of articles: .jsonl (one JSON object a line), .json (news-please), .txt, .html; '-' for stdin.",
            valueName: "path"))
    var paths: [String]

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write rejected records (file, line, reason) to this JSONL file.", valueName: "file"))
    var rejects: String?

    @Flag(name: .long, help: "Do not print each rejected record on stderr (the summary still counts them).")
    var quiet = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file, folder, or '-' for stdin") }
    }

    /// Reads every path; reports rejects on stderr (and in `--rejects`); returns the good records.
    ///
    /// - Throws: `ValidationError` (a usage error) naming a path that does not exist, before anything is read;
    ///   ``CommandError`` when nothing at all could be read (no record, not even a bad one): an empty folder,
    ///   or one without a file of a known kind.
    func load() throws -> (records: [InputRecord], rejected: [RecordError]) {
        for path in paths where path != "-" && !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path): no such file or folder")
        }
        var records: [InputRecord] = []
        var rejected: [RecordError] = []
        ArticleReader().read(paths) { item in
            switch item {
            case .record(let r):
                if !quiet { for w in r.warnings { Console.error("warning: \(r.origin) [\(r.article.id)]: \(w)") } }
                records.append(r)
            case .rejected(let e):
                if !quiet { Console.error("rejected: \(e)") }
                rejected.append(e)
            case .skippedFile(let path):
                if !quiet { Console.error("skipped: \(path): not .jsonl, .ndjson, .json, .txt or .html") }
            }
        }
        if let rejects {
            let lines = rejected.map { e in
                Console.json(
                    RejectLine(file: e.file, line: e.line, id: e.id, reason: e.reason, detail: e.detail),
                    pretty: false)
            }
            let written = FileManager.default.createFile(
                atPath: rejects, contents: Data((lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")).utf8))
            if !written { Console.error("error: cannot write the rejects file \(rejects)") }
        }
        if records.isEmpty, rejected.isEmpty {
            throw CommandError(
                "nothing to read in \(paths.joined(separator: ", ")): no record in a .jsonl, .ndjson, .json, .txt or .html file"
            )
        }
        return (records, rejected)
    }
}

struct RejectLine: Codable {
    var file: String
    var line: Int
    var id: String?
    var reason: String
    var detail: String?
}

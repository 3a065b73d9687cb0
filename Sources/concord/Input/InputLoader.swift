import ArgumentParser
import ConcordCore
import ConcordEngine
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
    /// - Throws: as ``stream(batchSize:_:)``.
    func load() throws -> (records: [InputRecord], rejected: [RecordError]) {
        var records: [InputRecord] = []
        var rejected: [RecordError] = []
        try stream(batchSize: .max) { batch, bad in
            records += batch
            rejected += bad
            return true
        }
        return (records, rejected)
    }

    /// Reads every path as a stream, handing the good records to `body` in batches of `batchSize` (the last
    /// one shorter), with the records rejected since the previous batch. Rejects are reported on stderr (and
    /// appended to `--rejects`) as they are read. Stops reading when `body` returns false.
    ///
    /// - Returns: how many good and bad records were handed over.
    /// - Throws: `ValidationError` (a usage error) naming a path that does not exist, before anything is read;
    ///   ``CommandError`` when nothing at all could be read (no record, not even a bad one): an empty folder,
    ///   or one without a file of a known kind; whatever `body` throws.
    @discardableResult
    func stream(
        batchSize: Int, _ body: (_ records: [InputRecord], _ rejected: [RecordError]) throws -> Bool
    ) throws -> (records: Int, rejected: Int) {
        try checkPaths()
        let rejectsFile = try rejects.map { path -> FileHandle in
            guard FileManager.default.createFile(atPath: path, contents: nil),
                let handle = FileHandle(forWritingAtPath: path)
            else { throw CommandError("cannot write the rejects file \(path)") }
            return handle
        }
        defer { try? rejectsFile?.close() }
        var records: [InputRecord] = []
        var rejected: [RecordError] = []
        var counts = (records: 0, rejected: 0)
        var stopped = false
        var failure: (any Error)?
        func handOver() {
            guard !stopped, !records.isEmpty || !rejected.isEmpty else { return }
            do {
                stopped = try !body(records, rejected)
            } catch {
                failure = error
                stopped = true
            }
            records.removeAll(keepingCapacity: true)
            rejected.removeAll()
        }
        ArticleReader().read(paths, shouldStop: { stopped }) { item in
            guard !stopped else { return }
            switch item {
            case .record(let r):
                if !quiet { for w in r.warnings { Console.error("warning: \(r.origin) [\(r.article.id)]: \(w)") } }
                records.append(r)
                counts.records += 1
                if records.count >= batchSize { handOver() }
            case .rejected(let e):
                if !quiet { Console.error("rejected: \(e)") }
                rejected.append(e)
                counts.rejected += 1
                let line = RejectLine(e)
                rejectsFile?.write(Data((Console.json(line, pretty: false) + "\n").utf8))
            case .skippedFile(let path):
                if !quiet { Console.error("skipped: \(path): not .jsonl, .ndjson, .json, .txt or .html") }
            }
        }
        handOver()
        if let failure { throw failure }
        if counts.records == 0, counts.rejected == 0 {
            throw CommandError(
                "nothing to read in \(paths.joined(separator: ", ")): no record in a .jsonl, .ndjson, .json, .txt or .html file"
            )
        }
        return counts
    }

    /// - Throws: `ValidationError` (a usage error) naming a path that does not exist.
    func checkPaths() throws {
        for path in paths where path != "-" && !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path): no such file or folder")
        }
    }

    /// How many records the inputs hold, counted quickly (lines of JSONL files, one per other file); nil when
    /// it cannot be known beforehand (standard input, a JSON array).
    func estimatedRecords() -> Int? {
        var total = 0
        for path in paths {
            if path == "-" { return nil }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue ? ArticleReader.files(under: path).map(\.path) : [path]
            for file in files {
                switch (file as NSString).pathExtension.lowercased() {
                case "jsonl", "ndjson":
                    guard let n = Self.lines(file) else { return nil }
                    total += n
                case "json":
                    guard let handle = FileHandle(forReadingAtPath: file) else { continue }
                    let head = (try? handle.read(upToCount: 64)) ?? Data()
                    try? handle.close()
                    if head.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) == UInt8(ascii: "[") {
                        return nil
                    }
                    total += 1
                case "txt", "text", "html", "htm": total += 1
                default: continue
                }
            }
        }
        return total
    }

    /// Non-blank lines of a file, read in chunks.
    static func lines(_ path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var count = 0
        var blank = true
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            for byte in chunk {
                if byte == 0x0A {
                    if !blank { count += 1 }
                    blank = true
                } else if byte != 0x20, byte != 0x0D, byte != 0x09 {
                    blank = false
                }
            }
        }
        return count + (blank ? 0 : 1)
    }
}

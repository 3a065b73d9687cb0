import ArgumentParser
import ConcordEncoder
import Foundation

/// `concord embed`: sentence embeddings (multilingual-e5-small) for articles, as JSONL.
///
/// ```
/// $ concord embed articles.jsonl > vectors.jsonl
/// $ printf '{"id":"a1","title":"Derby ends 1-1","text":"..."}\n' | concord embed -
/// {"id":"a1","vector":[0.0123,-0.0456,...]}
/// ```
struct Embed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Embed articles with multilingual-e5-small (384-dim, L2-normalized vectors) as JSONL.",
        discussion: """
            Each input is a JSONL file (or - for standard input) of {"id", "text"} records, where "title" is \
            put before "text" when present, or a plain text file whose id is its file name without extension. \
            Output is one {"id", "vector"} line per record, in input order. The dot product of two vectors is \
            their cosine similarity. Records without text are reported on standard error with their line \
            number, and the command then exits with status 1.
            """)

    /// The output format; JSONL is the only one so far.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl
    }

    @Argument(help: "JSONL or text files to embed, or - for JSONL on standard input.")
    var inputs: [String]

    @Option(help: "Output format.")
    var format: Format = .jsonl

    @Option(help: "Path of e5-small-q4.bin (default: $CONCORD_MODELS/e5-small-q4.bin or ~/.cache/concord/models).")
    var model: String?

    @Option(help: "Records embedded per batch.")
    var batchSize: Int = 256

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Give at least one input file, or - for standard input.") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive.") }
        if let threads, threads < 1 { throw ValidationError("--threads must be positive.") }
    }

    func run() async throws {
        let encoder: TextEncoder
        do throws(EncoderError) {
            var configuration = TextEncoder.Configuration()
            if let threads { configuration.threadCount = threads }
            encoder = try TextEncoder(modelPath: model, configuration: configuration)
        } catch {
            FileHandle.standardError.write(Data(("concord embed: " + error.description + "\n").utf8))
            throw ExitCode.failure
        }
        var output = EmbeddingWriter(encoder: encoder, batchSize: batchSize)
        var badRecords = 0
        for input in inputs {
            if input == "-" {
                var lineNumber = 0
                while let line = readLine(strippingNewline: true) {
                    lineNumber += 1
                    badRecords += output.add(jsonLine: line, source: "<stdin>", lineNumber: lineNumber)
                }
            } else if input.hasSuffix(".jsonl") || input.hasSuffix(".ndjson") {
                let contents = try Self.read(input)
                for (index, line) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    badRecords += output.add(jsonLine: String(line), source: input, lineNumber: index + 1)
                }
            } else {
                let id = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
                output.add(id: "\"\(Self.escape(id))\"", text: try Self.read(input))
            }
        }
        output.flush()
        if badRecords > 0 { throw ExitCode(1) }
    }

    private static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read \(path).")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `text` as the inside of a JSON string literal.
    static func escape(_ text: String) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed]),
            let array = String(data: data, encoding: .utf8)
        else { return "" }
        return String(array.dropFirst(2).dropLast(2))
    }
}

/// Buffers records, embeds them a batch at a time and writes `{"id","vector"}` lines to standard output.
private struct EmbeddingWriter {
    let encoder: TextEncoder
    let batchSize: Int
    private var ids: [String] = []
    private var texts: [String] = []

    init(encoder: TextEncoder, batchSize: Int) {
        self.encoder = encoder
        self.batchSize = batchSize
    }

    /// Adds one JSONL record; returns 1 (after reporting it on standard error) if the line is not a record with
    /// text, 0 otherwise. Blank lines are skipped.
    mutating func add(jsonLine line: String, source: String, lineNumber: Int) -> Int {
        if line.allSatisfy(\.isWhitespace) { return 0 }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return report("\(source):\(lineNumber): not a JSON object")
        }
        let title = object["title"] as? String
        let body = object["text"] as? String
        guard title != nil || body != nil else {
            return report("\(source):\(lineNumber): record has neither \"text\" nor \"title\"")
        }
        let text = [title, body].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
        let id: String
        switch object["id"] {
        case let value as String: id = "\"\(Embed.escape(value))\""
        case let value as NSNumber: id = value.stringValue
        case nil: id = "\"\(lineNumber)\""
        default: return report("\(source):\(lineNumber): \"id\" must be a string or a number")
        }
        add(id: id, text: text)
        return 0
    }

    /// Adds a record whose id is already JSON.
    mutating func add(id: String, text: String) {
        ids.append(id)
        texts.append(text)
        if texts.count >= batchSize { flush() }
    }

    /// Embeds and writes the buffered records.
    mutating func flush() {
        guard !texts.isEmpty else { return }
        let vectors = encoder.embed(texts)
        var lines = ""
        for (id, vector) in zip(ids, vectors) {
            lines += "{\"id\":\(id),\"vector\":["
            lines += vector.map { String($0) }.joined(separator: ",")
            lines += "]}\n"
        }
        FileHandle.standardOutput.write(Data(lines.utf8))
        ids.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
    }

    private func report(_ message: String) -> Int {
        FileHandle.standardError.write(Data(("concord embed: " + message + "\n").utf8))
        return 1
    }
}

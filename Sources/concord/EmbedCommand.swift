import ArgumentParser
import ConcordCore
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
            Reads articles like `ingest` (JSONL, news-please JSON, .txt, folders, - for stdin) and embeds each \
            whole: its title, a line break, and its text, as given. Past 512 tokens the encoder slides over \
            overlapping windows and averages them, as the reference engine does. --clustering-text embeds \
            instead what clustering compares: the title and the first 600 characters of the text. Output is \
            one {"id", "vector"} line per article, in input order. The dot product of two vectors is their \
            cosine similarity. Rejected records are reported on standard error with file and line, and the \
            command then exits with status 1.
            """)

    /// The output format; JSONL is the only one so far.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl
    }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format.")
    var format: Format = .jsonl

    @Option(help: "Path of e5-small-q4.bin (default: $CONCORD_MODELS/e5-small-q4.bin or ~/.cache/concord/models).")
    var model: String?

    @Flag(help: "Embed what clustering compares (title and the first 600 characters of the text).")
    var clusteringText = false

    @Option(help: "Records embedded per batch.")
    var batchSize: Int = 256

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    func validate() throws {
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
            throw CommandError(error.description)
        }
        let (records, rejected) = try input.load()
        for start in stride(from: 0, to: records.count, by: batchSize) {
            let batch = records[start..<min(records.count, start + batchSize)].map(\.article)
            let vectors = encoder.embed(batch.map { clusteringText ? $0.embeddingText : $0.fullText })
            var lines = ""
            for (article, vector) in zip(batch, vectors) {
                lines += "{\"id\":" + Console.json(article.id, pretty: false) + ",\"vector\":["
                lines += vector.map { String($0) }.joined(separator: ",")
                lines += "]}\n"
            }
            FileHandle.standardOutput.write(Data(lines.utf8))
        }
        if !rejected.isEmpty { throw ExitCode(1) }
    }
}

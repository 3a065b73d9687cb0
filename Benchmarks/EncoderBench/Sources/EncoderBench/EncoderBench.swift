import ConcordEncoder
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Measures ConcordEncoder on a JSONL file of `{"id", "text"}` records and prints one JSON object of figures.
///
/// ```
/// EncoderBench TEXTS.jsonl [--reference VECTORS.jsonl] [--threads N]
/// ```
/// With `--reference` (lines of `{"id", "vector", "tokens"}` from the reference engine, same order), it also
/// reports the token-id match rate and the lowest cosine to the reference, so the release build's kernels are
/// checked on the benchmark texts too.
@main
struct EncoderBench {
    struct Record: Decodable {
        let id: String
        let text: String
    }

    struct Reference: Decodable {
        let vector: [Float]
        let tokens: [Int32]
    }

    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(index...index + 1) }
            return arguments[index + 1]
        }
        let referencePath = option("--reference")
        let threads = option("--threads").flatMap(Int.init)
        guard let textsPath = arguments.first else {
            let usage = "usage: EncoderBench TEXTS.jsonl [--reference FILE] [--threads N]\n"
            FileHandle.standardError.write(Data(usage.utf8))
            exit(2)
        }
        let records = try lines(textsPath).map { try JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
        let texts = records.map(\.text)

        let loadStart = Date()
        var configuration = TextEncoder.Configuration()
        if let threads { configuration.threadCount = threads }
        let encoder = try TextEncoder(configuration: configuration)
        let loadSeconds = Date().timeIntervalSince(loadStart)

        _ = encoder.embed(Array(texts.prefix(16)))  // warm-up: touches code, scratch buffers and embedding pages
        let tokenLists = texts.map(encoder.tokenize)
        let tokens = tokenLists.reduce(0) { $0 + $1.count }

        let start = Date()
        let vectors = encoder.embed(texts)
        let seconds = Date().timeIntervalSince(start)

        var report: [String: Any] = [
            "engine": "concord", "texts": texts.count, "tokens": tokens, "seconds": seconds,
            "tokens_per_second": Double(tokens) / seconds, "gflop": flops(tokenLists) / 1e9,
            "gflop_per_second": flops(tokenLists) / seconds / 1e9, "load_seconds": loadSeconds,
            "peak_rss_mb": peakResidentMegabytes(), "threads": encoder.configuration.threadCount,
        ]
        if let referencePath {
            let references = try lines(referencePath).map {
                try JSONDecoder().decode(Reference.self, from: Data($0.utf8))
            }
            precondition(references.count == texts.count, "reference file has \(references.count) lines")
            var lowest: Float = 1
            var matches = 0
            for index in texts.indices {
                lowest = min(lowest, zip(vectors[index], references[index].vector).reduce(0) { $0 + $1.0 * $1.1 })
                if tokenLists[index] == references[index].tokens { matches += 1 }
            }
            report["min_cosine"] = lowest
            report["token_match_rate"] = Double(matches) / Double(texts.count)
        }
        let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }

    /// Multiply-adds × 2 of the forward passes for these token sequences (windows of at most 512 tokens):
    /// the four projections per layer and the two attention products.
    static func flops(_ sequences: [[Int32]]) -> Double {
        let hidden = 384.0
        let inner = 1536.0
        let layers = 12.0
        var total = 0.0
        for sequence in sequences {
            var remaining = sequence.count - 2
            repeat {
                let length = Double(min(remaining, 510) + 2)
                total += 2 * length * (4 * hidden * hidden + 2 * hidden * inner) * layers
                total += 2 * 2 * length * length * hidden * layers
                remaining -= 510
            } while remaining > 0
        }
        return total
    }

    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    static func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    }
}

import ArgumentParser
import ConcordCore
import ConcordEncoder
import ConcordEngine
import ConcordLanguage
import ConcordSQLite
import ConcordStore
import Foundation

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, csv
}

/// The formats of a command that prints one report rather than rows: text for people, JSON for programs.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Where the models are.
struct ModelOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder with lid.176.ftz and e5-small-q4.bin (default: $CONCORD_MODELS or ~/.cache/concord/models).",
            valueName: "dir"))
    var models: String?

    @Flag(name: .long, help: "Cluster without the dense embedding (entities, terms, dates and numbers only).")
    var noEmbedding = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Cache embeddings in this file (for repeated experiments).",
            valueName: "file", visibility: .hidden))
    var embeddingCache: String?

    var directory: String { ModelsFolder.path(explicit: models) }

    func languageIdentifier() throws -> CombinedLanguageIdentifier {
        do {
            return try CombinedLanguageIdentifier(modelsDirectory: directory)
        } catch {
            throw CommandError(error.description)
        }
    }

    /// The dense encoder, unless `--no-embedding`.
    func embedder() throws -> (any TextEmbedder)? {
        if noEmbedding { return nil }
        do {
            let encoder = EncoderEmbedder(
                encoder: try TextEncoder(modelPath: directory + "/" + TextEncoder.modelFileName))
            if let embeddingCache { return CachedEmbedder(base: encoder, path: embeddingCache) }
            return encoder
        } catch {
            throw CommandError("\(error.description) (or pass --no-embedding)")
        }
    }

    /// The resident engine of `store` (for `ingest` and `serve`), with these models and `tuning`; failures as
    /// ``CommandError``s.
    func engine(store: any EventStore, tuning: TuningOptions, batchSize: Int, update: Bool = false) throws -> Engine {
        do {
            var configuration = Engine.Configuration()
            configuration.batchSize = batchSize
            configuration.update = update
            configuration.clustering = try tuning.configuration()
            return try Engine(
                store: store, extractor: try extractor(try tuning.extractorConfiguration()), embedder: try embedder(),
                configuration: configuration)
        } catch let error as CommandError { throw error } catch let error as ValidationError { throw error } catch {
            throw CommandError("\(error)")
        }
    }

    func extractor(_ configuration: FeatureExtractor.Configuration = .init()) throws -> FeatureExtractor {
        FeatureExtractor(languageIdentifier: try languageIdentifier(), configuration: configuration)
    }
}

/// Which store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite store (default: $CONCORD_DB or ./concord.sqlite).", valueName: "file"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["CONCORD_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "concord.sqlite"
    }

    func open() throws -> SQLiteEventStore {
        do { return try SQLiteEventStore(path: path) } catch { throw CommandError(error.description) }
    }

    func openExisting() throws -> SQLiteEventStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandError("no store at \(path): run `concord ingest PATH --db \(path)` first")
        }
        return try open()
    }
}

/// Writes to standard error.
enum Console {
    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func json<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}

/// Parses `--since` / `--until` values: ISO dates or date-times.
struct DateArgument: ExpressibleByArgument {
    var date: Date
    init?(argument: String) {
        guard let d = PublicationDateParser.parse(argument) else { return nil }
        date = d
    }
}

/// Hooks for the crash tests of `ingest` and `serve` (hidden from --help).
struct CrashTestOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Sleep this many milliseconds after each committed batch (for crash tests).", visibility: .hidden))
    var commitDelayMs = 0
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Stop still after this many committed batches, until interrupted or killed (for crash tests).",
            visibility: .hidden))
    var hangAfterBatches: Int?

    /// The sleep after each committed batch, at most a minute.
    var delay: Duration { .milliseconds(min(max(0, commitDelayMs), 60_000)) }

    func afterCommit() {
        if commitDelayMs > 0 { usleep(useconds_t(min(commitDelayMs, 60_000)) * 1000) }
    }
}

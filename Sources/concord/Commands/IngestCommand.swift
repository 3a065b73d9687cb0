import ArgumentParser
import ConcordCore
import ConcordStore
import Foundation

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read articles, cluster them into events and store everything (idempotent).",
        discussion: """
            Articles already stored (same id, or same normalized text) are skipped, so running the same \
            ingest twice, or again after an interruption, ends in the state of one clean ingest. \
            Bad records are reported on stderr with file, line and reason, kept in the store's \
            rejects table, and the rest goes on.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var models: ModelOptions
    @OptionGroup var tuning: TuningOptions
    @Option(name: .long, help: "Output format of the summary.") var format: OutputFormat = .table
    @Option(name: .long, help: "Articles per transaction.") var batchSize = 64
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Sleep this many milliseconds after each committed batch (for crash tests).", visibility: .hidden))
    var commitDelayMs = 0

    func run() async throws {
        let started = Date()
        let (records, rejected) = try input.load()
        let db = try store.open()
        do { try db.recordRejects(rejected) } catch { throw CommandError("\(error)") }
        var configuration = Ingestor.Configuration()
        configuration.batchSize = batchSize
        configuration.clustering = try tuning.configuration()
        let ingestor = Ingestor(
            store: db, extractor: try models.extractor(try tuning.extractorConfiguration()),
            embedder: try models.embedder(),
            configuration: configuration)
        var summary: IngestSummary
        do {
            summary = try ingestor.ingest(records) { done, total in
                Console.progress("ingest", done, total)
                if commitDelayMs > 0 { usleep(useconds_t(min(commitDelayMs, 60_000)) * 1000) }
            }
        } catch {
            throw CommandError("\(error)")
        }
        summary.rejected = rejected.count
        summary.read += rejected.count
        let seconds = Date().timeIntervalSince(started)
        switch format {
        case .json, .jsonl:
            print(
                Console.json(
                    IngestReport(summary: summary, seconds: seconds, store: store.path), pretty: format == .json))
        case .table, .csv:
            var t = TextTable(header: [
                "read", "ingested", "duplicate", "rejected", "joined", "new events", "merges", "events", "seconds",
            ])
            t.rows.append(
                [
                    summary.read, summary.ingested, summary.duplicates, summary.rejected,
                    summary.joined, summary.created, summary.merges, summary.events,
                ].map(String.init)
                    + [String(format: "%.1f", seconds)])
            print(format == .csv ? t.csv() : t.render())
            if format == .table { Console.error("store: \(store.path)") }
        }
    }
}

struct IngestReport: Codable {
    var summary: IngestSummary
    var seconds: Double
    var store: String
}

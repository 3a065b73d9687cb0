import ArgumentParser
import ConcordCore
import ConcordEngine
import ConcordStore
import Foundation

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read articles, cluster them into events and store everything (idempotent).",
        discussion: """
            Input is read as a stream, in batches: each batch is embedded, clustered against the stored events \
            of its time window and committed before the next is read. An interrupt (Ctrl-C, SIGTERM) finishes \
            the batch in flight and stops with a summary; after a crash, every committed batch is kept. \
            Articles already stored (same id, or same normalized text) are skipped, so running the same \
            ingest again finishes the rest and ends in the state of one clean ingest. An id stored with other \
            content is reported and kept out, unless --update replaces the stored article. \
            Bad records are reported on stderr with file, line and reason, kept in the store's \
            rejects table, and the rest goes on. One ingest writes to a store at a time.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var models: ModelOptions
    @OptionGroup var tuning: TuningOptions
    @Option(name: .long, help: "Output format of the summary.") var format: OutputFormat = .table
    @Option(name: .long, help: "Records per batch (clustered together, committed in one transaction).")
    var batchSize = 256
    @Flag(
        name: .long,
        help: "Replace a stored article when its id comes again with other content (its old decision is retracted).")
    var update = false
    @Flag(name: .long, help: "Wait for another ingest writing to the same store to finish, instead of failing.")
    var wait = false
    @OptionGroup var crashTest: CrashTestOptions

    func validate() throws {
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() async throws {
        let started = Date()
        try input.checkPaths()
        let lock: WriterLock
        do {
            lock = try WriterLock(storePath: store.path, holder: "concord ingest", wait: wait) { holder in
                Console.error("waiting for the writer of \(store.path) (\(holder)) to finish")
            }
        } catch { throw CommandError("\(error)") }
        defer { withExtendedLifetime(lock) {} }
        let db = try store.open()
        let engine = try models.engine(store: db, tuning: tuning, batchSize: batchSize, update: update)

        let interrupt = InterruptFlag()
        interrupt.install()
        var progress = ProgressReporter(label: "ingest", total: input.estimatedRecords(), enabled: !input.quiet)
        var summary = IngestSummary()
        var batches = 0
        do {
            try input.stream(batchSize: batchSize) { records, rejected in
                try db.recordRejects(rejected)
                summary.rejected += rejected.count
                summary.read += rejected.count
                guard !records.isEmpty else { return interrupt.signal == nil }
                let result = try engine.ingest(records)
                summary.add(result.summary)
                batches += 1
                for (record, outcome) in zip(records, result.outcomes) where outcome == .changed && !input.quiet {
                    Console.error(
                        "changed: \(record.origin) [\(record.article.id)]: stored with other content; kept the stored one (--update replaces it)"
                    )
                }
                progress.update(summary.read)
                crashTest.afterCommit()
                if batches == crashTest.hangAfterBatches {
                    while interrupt.signal == nil { usleep(20_000) }
                }
                return interrupt.signal == nil
            }
        } catch let error as ValidationError {
            throw error
        } catch let error as CommandError {
            throw error
        } catch {
            progress.finish()
            throw CommandError("\(error)\(batches > 0 ? " (the \(batches) batches before it are stored)" : "")")
        }
        progress.finish()
        summary.events = (try? db.eventCount()) ?? 0
        let seconds = Date().timeIntervalSince(started)
        let interrupted = interrupt.signal != nil
        switch format {
        case .json, .jsonl:
            print(
                Console.json(
                    IngestReport(summary: summary, seconds: seconds, store: store.path, interrupted: interrupted),
                    pretty: format == .json))
        case .table, .csv:
            var t = TextTable(header: [
                "read", "ingested", "duplicate", "changed", "rejected", "joined", "new events", "merges", "events",
                "seconds",
            ])
            t.rows.append(
                [
                    summary.read, summary.ingested, summary.duplicates, summary.changed, summary.rejected,
                    summary.joined, summary.created, summary.merges, summary.events,
                ].map(String.init)
                    + [String(format: "%.1f", seconds)])
            print(format == .csv ? t.csv() : t.render())
            if format == .table { Console.error("store: \(store.path)") }
        }
        if let signal = interrupt.signal {
            Console.error(
                "interrupted: \(batches) batches committed; run the same command again to ingest the rest")
            throw ExitCode(128 + signal)
        }
    }
}

struct IngestReport: Codable {
    var summary: IngestSummary
    var seconds: Double
    var store: String
    var interrupted: Bool
}

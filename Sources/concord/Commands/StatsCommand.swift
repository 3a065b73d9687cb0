import ArgumentParser
import ConcordStore
import Foundation

/// `concord stats`: what a store holds.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what a store holds: articles, events, languages, rejected records and its size on disk.")

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Output format.") var format: ReportFormat = .table

    struct Report: Codable {
        var store: String
        var articles: Int
        var events: Int
        var decisions: Int
        var merges: Int
        var rejects: Int
        /// Articles per detected language.
        var languages: [String: Int]
        /// The store's files (database and write-ahead log) in bytes.
        var bytes: Int
    }

    func run() async throws {
        let db = try store.openExisting()
        let counts: StoreCounts
        do { counts = try db.counts() } catch { throw CommandError("\(error)") }
        let bytes = ["", "-wal", "-shm"].reduce(0) { total, suffix in
            let size = (try? FileManager.default.attributesOfItem(atPath: store.path + suffix)[.size]) as? NSNumber
            return total + (size?.intValue ?? 0)
        }
        let report = Report(
            store: store.path, articles: counts.articles, events: counts.events, decisions: counts.decisions,
            merges: counts.merges, rejects: counts.rejects, languages: counts.languages, bytes: bytes)
        if format == .json {
            print(Console.json(report))
            return
        }
        let languages = counts.languages.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var table = TextTable(header: ["store", report.store])
        table.rows = [
            ["articles", String(report.articles)], ["events", String(report.events)],
            ["languages", languages.map { "\($0.key) \($0.value)" }.joined(separator: ", ")],
            ["merges", String(report.merges)], ["rejected records", String(report.rejects)],
            ["size", String(format: "%.1f MB", Double(bytes) / 1_000_000)],
        ]
        print(table.render(maxWidth: 400))
    }
}

import ArgumentParser
import ConcordCore
import ConcordEngine
import ConcordStore
import Foundation

struct ClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Cluster articles into events in memory and print them (nothing is written).",
        discussion: """
            Reads the articles, decides which report the same event, runs the merge pass and prints \
            the events. With --format json: {"events": [{"id", "articles": [...], ...}]}.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var models: ModelOptions
    @OptionGroup var tuning: TuningOptions
    @Option(name: .long, help: "Output format.") var format: OutputFormat = .table

    func run() async throws {
        let (records, rejected) = try input.load()
        let run = try InMemoryRun(records: records, models: models, tuning: tuning)
        let events = try run.eventSummaries()
        switch format {
        case .json:
            print(Console.json(ClusterOutput(events: events.map(ClusterOutput.Event.init), rejected: rejected.count)))
        case .jsonl:
            for e in events { print(Console.json(ClusterOutput.Event(e), pretty: false)) }
        case .csv, .table:
            var table = TextTable(header: ["event", "articles", "languages", "date", "title"])
            for (summary, members) in events {
                table.rows.append([
                    summary.id.rawValue, String(members.count), summary.languages.joined(separator: " "),
                    summary.eventDate ?? "", summary.title,
                ])
            }
            print(format == .csv ? table.csv() : table.render())
            if format == .table {
                Console.error(
                    "\(records.count) read, \(records.count - run.duplicates) clustered into \(events.count) events, \(run.duplicates) duplicates, \(rejected.count) rejected, \(run.merges.count) merges"
                )
            }
        }
    }
}

extension InMemoryRun {
    /// A run with the models and tuning of the command line (shared by `cluster` and `eval`).
    init(records: [InputRecord], models: ModelOptions, tuning: TuningOptions = TuningOptions()) throws {
        var configuration = Engine.Configuration()
        configuration.clustering = try tuning.configuration()
        try self.init(
            records: records, extractor: try models.extractor(try tuning.extractorConfiguration()),
            embedder: try models.embedder(), configuration: configuration)
    }
}

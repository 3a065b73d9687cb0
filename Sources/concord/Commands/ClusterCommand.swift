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
        let run = try ClusterRun(records: records, models: models, tuning: tuning)
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

struct ClusterOutput: Codable {
    struct Event: Codable {
        var id: String
        var title: String
        var articles: [String]
        var languages: [String]
        var eventDate: String?
        var entities: [String]

        init(_ pair: (EventSummary, [String])) {
            id = pair.0.id.rawValue
            title = pair.0.title
            articles = pair.1
            languages = pair.0.languages
            eventDate = pair.0.eventDate
            entities = pair.0.entities
        }
    }

    var events: [Event]
    var rejected: Int
}

/// One in-memory clustering run over records (shared by `cluster` and `eval`): the records go through the
/// engine, as `ingest` sends them, into a store in memory, in batches of the ingest's size. They arrive in
/// time order (publication, else the event date in the text), as a news stream does.
struct ClusterRun {
    var features: [ArticleFeatures]
    var decisions: [Decision] = []
    var merges: [MergeRecord] = []
    var duplicates = 0
    /// Article id → event id, for every input article (duplicates map to their original's event).
    var assignment: [String: String] = [:]
    let store = MemoryEventStore()

    init(
        records: [InputRecord], models: ModelOptions, tuning: TuningOptions = TuningOptions(),
        batchSize: Int = Engine.Configuration().batchSize
    ) throws {
        var configuration = Engine.Configuration()
        configuration.clustering = try tuning.configuration()
        configuration.batchSize = batchSize
        let extractor = try models.extractor(try tuning.extractorConfiguration())
        features = extractor.features(of: records.map(\.article))
        let engine = try Engine(
            store: store, extractor: extractor, embedder: try models.embedder(), configuration: configuration)
        let order = EventClustering.batchOrder(features)
        var outcomes: [(String, Engine.Outcome)] = []
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let chunk = Array(order[start..<min(order.count, start + batchSize)])
            let result = try engine.ingest(chunk.map { records[$0] }, features: chunk.map { features[$0] })
            decisions += result.decisions
            merges += result.merges
            outcomes += zip(chunk.map { records[$0].article.id }, result.outcomes).map { ($0, $1) }
        }
        var final: [String: String] = [:]
        for (f, event) in try store.loadMemberships() { final[f.articleID] = event.rawValue }
        for (id, outcome) in outcomes {
            switch outcome {
            case .duplicate(let original):
                duplicates += 1
                assignment[id] = final[original] ?? final[id]
            default: assignment[id] = final[id]
            }
        }
    }

    /// The events with their members' ids, oldest first.
    func eventSummaries() throws -> [(EventSummary, [String])] {
        var members: [EventID: [String]] = [:]
        var order: [EventID] = []
        for (f, event) in try store.loadMemberships() {
            if members[event] == nil { order.append(event) }
            members[event, default: []].append(f.articleID)
        }
        return try order.compactMap { id in try store.event(id).map { ($0.summary, members[id] ?? []) } }
    }
}

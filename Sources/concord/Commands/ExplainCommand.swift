import ArgumentParser
import ConcordCore
import ConcordEngine
import ConcordStore
import Foundation

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say why an article is in its event, or why two articles are or are not one event.",
        discussion: """
            With one article: the decision that placed it (the signals that carried it, the threshold). \
            With two: both decisions, and the same-event signals between the two articles themselves.
            """)

    @Argument(help: "One or two article ids.") var articles: [String]
    @OptionGroup var store: StoreOptions
    @OptionGroup var tuning: TuningOptions
    @Option(name: .long, help: "Output format.") var format: ReportFormat = .table

    func validate() throws {
        guard (1...2).contains(articles.count) else { throw ValidationError("give one or two article ids") }
    }

    func run() async throws {
        let db = try store.openExisting()
        let stored = try articles.map { id -> StoredArticle in
            guard let a = try db.article(id) else { throw CommandError("no article \(id) in \(store.path)") }
            return a
        }
        var report = ExplainReport(
            articles: stored.map {
                .init(id: $0.article.id, event: $0.eventID.rawValue, decision: $0.decision?.summary ?? "")
            })
        if stored.count == 2 {
            // With the store's corpus statistics and stream thresholds, as its next batch would decide.
            let assessment: SameEventScorer.Assessment
            do {
                assessment = try Engine.assess(
                    stored[0].features, stored[1].features, in: db, configuration: try tuning.configuration())
            } catch { throw CommandError("\(error)") }
            report.sameEvent = stored[0].eventID == stored[1].eventID
            report.pair = assessment
            report.pairSummary =
                "p=\(Explanation.format(assessment.probability, digits: 3)) (threshold "
                + "\(Explanation.format(assessment.threshold, digits: 3)), \(assessment.signals.languagePair)): "
                + Explanation.carriers(assessment)
        }
        if format == .json {
            print(Console.json(report))
            return
        }
        for a in report.articles { print("\(a.id) is in \(a.event): \(a.decision)") }
        if let same = report.sameEvent, let s = report.pairSummary {
            print(same ? "They are one event." : "They are different events.")
            print("Between the two articles: \(s)")
        }
    }
}

struct ExplainReport: Codable {
    struct Item: Codable {
        var id: String
        var event: String
        var decision: String
    }
    var articles: [Item]
    var sameEvent: Bool?
    var pair: SameEventScorer.Assessment?
    var pairSummary: String?
}

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
        let report: ExplainReport
        do {
            report = try ExplainReport(stored, store: db, configuration: try tuning.configuration())
        } catch let error as CommandError { throw error } catch { throw CommandError("\(error)") }
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

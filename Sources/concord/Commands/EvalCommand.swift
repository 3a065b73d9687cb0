import ArgumentParser
import ConcordCore
import ConcordEngine
import Foundation

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Cluster a gold set and score the result against its `cluster` labels.",
        discussion: """
            Runs the stream in date order (file order for undated records) and reports BCubed and \
            pairwise precision/recall/F1, gold and predicted event counts, per language, and the \
            language identification accuracy on records that declare a `lang`.

            --undated scores the same set with every publication date removed (dates written in the text \
            stay): real streams often carry none. --baseline scores, instead of Concord, the plain \
            alternative a user could build: the same multilingual-e5-small embedding of title and lead, \
            clustered by average link at every cosine-distance threshold from 0.02 to 0.30 (one row each).
            """)

    @Argument(help: ArgumentHelp("A JSONL gold set with `cluster` labels.", valueName: "gold.jsonl"))
    var gold: String
    @OptionGroup var models: ModelOptions
    @OptionGroup var tuning: TuningOptions
    @Option(name: .long, help: "Output format.") var format: ReportFormat = .table
    @Flag(name: .long, help: "Also list the worst false merges and splits.") var errors = false
    @Flag(name: .long, help: "Remove every publication date before clustering (dates in the text stay).")
    var undated = false
    @Flag(name: .long, help: "Score the e5 + average-link baseline at a sweep of thresholds instead of Concord.")
    var baseline = false

    func validate() throws {
        if baseline, models.noEmbedding { throw ValidationError("--baseline needs the encoder") }
        if baseline, errors {
            throw ValidationError("--errors lists Concord's errors; it does not apply to --baseline")
        }
    }

    func run() async throws {
        var input = try InputOptions.parse([gold])
        input.quiet = true
        let (records, rejected) = try input.load()
        var labelled = records.filter { $0.goldEvent != nil }
        guard !labelled.isEmpty else { throw CommandError("\(gold): no record has a `cluster` label") }
        if undated {
            for i in labelled.indices { labelled[i].article.published = nil }
        }
        let goldMap = Dictionary(
            labelled.compactMap { r in r.goldEvent.map { (r.article.id, $0) } }, uniquingKeysWith: { a, _ in a })
        if baseline { return try printBaseline(labelled.map(\.article), gold: goldMap) }
        let run = try InMemoryRun(records: labelled, models: models, tuning: tuning)
        let predicted = run.assignment
        let report = EvalReport(
            records: labelled, gold: goldMap, predicted: predicted, rejected: rejected.count,
            languageIdentifier: try models.languageIdentifier())
        if format == .json {
            print(Console.json(report))
        } else {
            print(report.table(name: gold))
        }
        if errors { printErrors(run: run, gold: goldMap, predicted: predicted) }
    }

    /// The baseline's scores at every threshold of the sweep.
    func printBaseline(_ articles: [Article], gold: [String: String]) throws {
        guard let embedder = try models.embedder() else { return }
        let rows = BaselineRow.sweep(embedder.embed(articles.map(\.embeddingText)), ids: articles.map(\.id), gold: gold)
        if format == .json {
            print(Console.json(["baseline": rows]))
            return
        }
        var table = TextTable(header: ["threshold", "events", "B3 P", "B3 R", "B3 F1", "pair F1"])
        for r in rows {
            table.rows.append([
                String(format: "%.4f", r.threshold), String(r.events.predicted),
                String(format: "%.3f", r.bcubed.precision), String(format: "%.3f", r.bcubed.recall),
                String(format: "%.3f", r.bcubed.f1), String(format: "%.3f", r.pairwise.f1),
            ])
        }
        print(table.render())
    }

    func printErrors(run: InMemoryRun, gold: [String: String], predicted: [String: String]) {
        let titles = Dictionary(run.features.map { ($0.articleID, $0.title) }, uniquingKeysWith: { a, _ in a })
        /// Each group of `grouping` whose members `other` spreads over several labels.
        func spread(_ heading: String, _ grouping: [String: String], _ other: [String: String]) {
            print(heading)
            var groups: [String: [String]] = [:]
            for (article, label) in grouping { groups[label, default: []].append(article) }
            for (label, members) in groups.sorted(by: { $0.key < $1.key }) {
                guard Set(members.compactMap { other[$0] }).count > 1 else { continue }
                print(
                    "  \(label): "
                        + members.sorted().map { "\(other[$0] ?? "?")|\(titles[$0]?.prefix(50) ?? "")" }.joined(
                            separator: " || "))
            }
        }
        spread("\nFalse merges (predicted events holding several gold events):", predicted, gold)
        spread("\nSplits (gold events spread over several predicted events):", gold, predicted)
    }
}

extension EvalReport {
    func table(name: String) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var t = TextTable(header: [
            "set", "articles", "gold", "predicted", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1",
        ])
        func row(_ label: String, _ s: (Int, Int, Int, ClusteringScore.PRF, ClusteringScore.PRF)) -> [String] {
            [
                label, String(s.0), String(s.1), String(s.2), f(s.3.precision), f(s.3.recall), f(s.3.f1),
                f(s.4.precision), f(s.4.recall), f(s.4.f1),
            ]
        }
        t.rows.append(row(name, (articles, events.gold, events.predicted, bcubed, pairwise)))
        for (lang, s) in perLanguage.sorted(by: { $0.key < $1.key }) {
            t.rows.append(row("  " + lang, (s.articles, s.goldEvents, s.predictedEvents, s.bcubed, s.pairwise)))
        }
        var out = t.render()
        if let l = languageID {
            out += "\nlanguage id: \(l.correct)/\(l.checked) correct (\(f(l.accuracy)))"
            if !l.errors.isEmpty { out += "; e.g. " + l.errors.prefix(5).joined(separator: ", ") }
        }
        return out
    }
}

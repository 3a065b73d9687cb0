import ArgumentParser
import ConcordCore
import Foundation

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Score pairs of articles: the probability that the two report the same event.",
        discussion: """
            Reads a CSV with the columns pair_id, text1, text2 (optional lang1, lang2; other columns are
            ignored) and prints pair_id,score in input order, one row per pair; score is the same-event
            probability of the model (the one clustering uses). IDF statistics come from all texts of the
            file. A row that cannot be scored (an empty text, the wrong number of columns) is reported on
            stderr with its line and printed with an empty score (a row whose pair_id cannot be read is only
            reported).
              concord compare --pairs pairs.csv > scores.csv
            """)

    @Option(name: .long, help: ArgumentHelp("The CSV of pairs.", valueName: "file.csv")) var pairs: String
    @Option(name: .long, help: "Output format: csv (pair_id,score), json or table (with the carrying features).")
    var format: OutputFormat = .csv
    @OptionGroup var models: ModelOptions
    @OptionGroup var tuning: TuningOptions

    func run() async throws {
        let file = try PairsFile(path: pairs)
        for e in file.rejected { Console.error("rejected: \(e)") }
        let usable = file.rows.indices.filter {
            !file.rows[$0].text1.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                && !file.rows[$0].text2.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        let scorable = Set(usable)
        for i in file.rows.indices where !scorable.contains(i) && !file.rows[i].isRejected {
            Console.error("rejected: \(pairs):\(file.rows[i].line) [\(file.rows[i].pairID)]: no text")
        }
        let articles = file.articles
        let extractor = try models.extractor(try tuning.extractorConfiguration())
        let needed = usable.flatMap { [2 * $0, 2 * $0 + 1] }
        var features = extractor.features(of: needed.map { articles[$0] })
        try models.embedder()?.attach(to: &features, articles: needed.map { articles[$0] }, indices: Array(features.indices))
        var state = EventClustering(configuration: try tuning.configuration())
        let assessments = state.compare(features, pairs: usable.indices.map { (2 * $0, 2 * $0 + 1) })
        var byRow: [Int: SameEventScorer.Assessment] = [:]
        for (row, a) in zip(usable, assessments) { byRow[row] = a }
        switch format {
        case .csv:
            print("pair_id,score")
            for (i, row) in file.rows.enumerated() {
                print(CSV.field(row.pairID) + "," + (byRow[i].map { String(format: "%.6f", $0.probability) } ?? ""))
            }
        case .json, .jsonl:
            let items = file.rows.enumerated().map { i, row in
                ComparedPair(pairID: row.pairID, score: byRow[i]?.probability, threshold: byRow[i]?.threshold,
                             languagePair: byRow[i]?.signals.languagePair,
                             contributions: byRow[i]?.contributions, explanation: byRow[i].map(Explanation.carriers))
            }
            if format == .json {
                print(Console.json(items))
            } else {
                for item in items { print(Console.json(item, pretty: false)) }
            }
        case .table:
            var table = TextTable(header: ["pair", "score", "same event", "why"])
            for (i, row) in file.rows.enumerated() {
                guard let a = byRow[i] else {
                    table.rows.append([row.pairID, "", "", "not scored"])
                    continue
                }
                table.rows.append([row.pairID, String(format: "%.3f", a.probability), a.isMatch ? "yes" : "no",
                                   Explanation.carriers(a)])
            }
            print(table.render())
        }
    }
}

struct ComparedPair: Codable {
    var pairID: String
    var score: Double?
    var threshold: Double?
    var languagePair: String?
    var contributions: [String: Double]?
    var explanation: String?
}

extension CSV {
    /// A field quoted when it holds a comma, quote or line break.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

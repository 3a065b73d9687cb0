import ArgumentParser
import ConcordCore
import ConcordEngine
import Foundation

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Score pairs of articles: the probability that the two report the same event.",
        discussion: """
            Reads a CSV with the columns pair_id, text1, text2 (optional lang1, lang2; other columns are \
            ignored) and prints pair_id,score in input order, one row per pair; score is the same-event \
            probability of the model (the one clustering uses). IDF statistics come from all texts of the \
            file. A row that cannot be scored (an empty text, the wrong number of columns) is reported on \
            stderr with its line and printed with an empty score (a row whose pair_id cannot be read is only \
            reported).
              concord compare --pairs pairs.csv > scores.csv
            """)

    @Option(name: .long, help: ArgumentHelp("The CSV of pairs.", valueName: "file.csv")) var pairs: String
    @Option(name: .long, help: "Output format: csv (pair_id,score), json or table (with the carrying features).")
    var format: OutputFormat = .csv
    @OptionGroup var models: ModelOptions
    @OptionGroup var tuning: TuningOptions

    func run() async throws {
        let file: PairsFile
        do { file = try PairsFile(path: pairs) } catch { throw CommandError(error.description) }
        for e in file.rejected { Console.error("rejected: \(e)") }
        for row in file.rows where !row.isScorable && !row.isRejected {
            Console.error("rejected: \(pairs):\(row.line) [\(row.pairID)]: no text")
        }
        let byRow = file.assess(
            extractor: try models.extractor(try tuning.extractorConfiguration()),
            embedder: try models.embedder(), configuration: try tuning.configuration())
        switch format {
        case .csv:
            print("pair_id,score")
            for (i, row) in file.rows.enumerated() {
                print(CSV.field(row.pairID) + "," + (byRow[i].map { String(format: "%.6f", $0.probability) } ?? ""))
            }
        case .json, .jsonl:
            let items = file.rows.enumerated().map { i, row in ComparedPair(pairID: row.pairID, assessment: byRow[i]) }
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
                table.rows.append([
                    row.pairID, String(format: "%.3f", a.probability), a.isMatch ? "yes" : "no",
                    Explanation.carriers(a),
                ])
            }
            print(table.render())
        }
    }
}

import ConcordEngine
import Foundation
import Testing

@testable import concord

/// `concord compare --pairs FILE`, through the built binary, on a small CSV of made-up reports.
@Suite struct CompareCommandTests {
    /// Made-up reports: one football match in English and Italian, one earthquake in French and English
    /// (quoted fields with a comma, doubled quotes and a line break), an earthquake and a budget vote in
    /// Spanish (unrelated), a row with too few columns and a row with a blank text.
    ///
    /// Lines: header 1, `derby-en-it` 2, `quake-vs-budget` 3, `quake, "fr-en"` 4-5, `short-row` 6, `no-text` 7.
    static let pairs = #"""
        pair_id,lang1,lang2,text1,text2,extra
        derby-en-it,en,it,"Riverton United beat Port Calder 3-1 on Saturday at Millbrook Stadium. Striker Tomas Vell scored twice and coach Anna Reyes praised the defence.","Il Riverton United ha battuto il Port Calder 3-1 sabato allo stadio Millbrook. L'attaccante Tomas Vell ha segnato due gol e l'allenatrice Anna Reyes ha elogiato la difesa.",football
        quake-vs-budget,es,es,"Un terremoto de magnitud 6,1 sacudió el martes la ciudad de Velanor y obligó a 2.000 vecinos a abandonar sus casas.","El parlamento de Estravia aprobó el jueves el presupuesto de 2026 por 212 votos a favor y 180 en contra.","unrelated, on purpose"
        "quake, ""fr-en""",fr,en,"Un séisme de magnitude 6,1 a frappé mardi la ville de Velanor, endommageant le vieux pont.
        Environ 2 000 habitants ont dû quitter leur maison, a déclaré le maire Lucas Ferrand.","A magnitude 6.1 earthquake hit the town of Velanor on Tuesday, damaging the old bridge. Mayor Lucas Ferrand said: ""About 2,000 residents had to leave their homes.""",quoted
        short-row,en,en,this row has only four fields
        no-text,de,de,"Der Haushalt von Estravia wurde am Donnerstag mit 212 zu 180 Stimmen verabschiedet.","  ",empty

        """#

    /// The pair ids of all rows, in file order (`short-row` has the wrong number of columns).
    static let parsedIDs = ["derby-en-it", "quake-vs-budget", #"quake, "fr-en""#, "short-row", "no-text"]
    /// The rows that are scored (`no-text` has a blank `text2`).
    static let scoredIDs = ["derby-en-it", "quake-vs-budget", #"quake, "fr-en""#]

    static let fileName = "pairs.csv"

    /// Writes ``pairs`` into `directory` and runs `concord compare --pairs pairs.csv ARGUMENTS` there.
    static func compare(_ arguments: [String], in directory: URL, csv: String = pairs) async throws -> ProcessOutput {
        try csv.write(to: directory.appendingPathComponent(fileName), atomically: true, encoding: .utf8)
        return try await ConcordProcess.run(["compare", "--pairs", fileName] + arguments, in: directory)
    }

    /// The CSV output as (pair id, score) rows after the header; a missing score is `nil`.
    static func scores(_ result: ProcessOutput) throws -> [(id: String, score: Double?)] {
        let records = CSV.parse(result.stdout).map(\.fields)
        try #require(records.first == ["pair_id", "score"], "header: \(records.first ?? [])")
        return try records.dropFirst().map { fields in
            try #require(fields.count == 2, "\(fields)")
            if fields[1].isEmpty { return (fields[0], nil) }
            // Unwrapped here: returned directly as `Double?`, a score that is not a number would pass as nil.
            let score: Double = try #require(Double(fields[1]), "score \(fields[1]) of \(fields[0]) is not a number")
            return (fields[0], score)
        }
    }

    @Test(arguments: [false, true])
    func oneScorePerParsedRowInInputOrder(embedding: Bool) async throws {
        try await withTemporaryDirectory { dir in
            let result = try await Self.compare(embedding ? [] : ["--no-embedding"], in: dir)
            #expect(result.succeeded, "\(result)")
            #expect(result.stdout.hasPrefix("pair_id,score\n"), "\(result.stdout)")
            let rows = try Self.scores(result)
            #expect(rows.map(\.id) == Self.parsedIDs)
            for row in rows where Self.scoredIDs.contains(row.id) {
                let score = try #require(row.score, "\(row.id) was not scored: \(result)")
                #expect((0...1).contains(score), "\(row.id): \(score)")
            }
            #expect(rows.last?.score == nil, "the row with a blank text has a score")

            let score = Dictionary(rows.map { ($0.id, $0.score) }, uniquingKeysWith: { a, _ in a })
            let unrelated = try #require(score["quake-vs-budget"] ?? nil)
            #expect(try #require(score["derby-en-it"] ?? nil) > unrelated, "\(rows)")
            #expect(try #require(score[#"quake, "fr-en""#] ?? nil) > unrelated, "\(rows)")
        }
    }

    /// A pair id with a comma and a quote is quoted in the output, as in the input.
    @Test func quotedPairIDIsQuotedAgainInTheOutput() async throws {
        try await withTemporaryDirectory { dir in
            let result = try await Self.compare(["--no-embedding"], in: dir)
            #expect(result.succeeded, "\(result)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.contains { $0.hasPrefix(#""quake, ""fr-en""","#) }, "\(result.stdout)")
        }
    }

    /// A row with the wrong number of columns and a row with a blank text are reported and printed with an
    /// empty score (one output row per input pair).
    @Test func unusableRowsAreReportedWithFileLineAndPairID() async throws {
        try await withTemporaryDirectory { dir in
            let result = try await Self.compare(["--no-embedding"], in: dir)
            #expect(result.succeeded, "\(result)")
            let rejected = result.stderrLines.filter { $0.hasPrefix("rejected: ") }
            #expect(rejected.count == 2, "\(result.stderr)")

            let columns = rejected.filter { $0.contains("\(Self.fileName):6 ") }
            #expect(columns.count == 1, "\(rejected)")
            #expect(columns.first?.contains("[short-row]") == true, "\(rejected)")
            #expect(columns.first?.contains("wrong number of columns") == true, "\(rejected)")
            #expect(columns.first?.contains("4 fields, the header has 6") == true, "\(rejected)")

            let blank = rejected.filter { $0.contains("\(Self.fileName):7 ") }
            #expect(blank.count == 1, "\(rejected)")
            #expect(blank.first?.contains("[no-text]") == true, "\(rejected)")
            #expect(blank.first?.contains("no text") == true, "\(rejected)")

            #expect(
                result.stdout.split(separator: "\n").contains("short-row,"), "one row per input pair: \(result.stdout)")
            #expect(result.stdout.split(separator: "\n").contains("no-text,"), "\(result.stdout)")
        }
    }

    @Test func missingText2ColumnIsAnError() async throws {
        try await withTemporaryDirectory { dir in
            let csv = "pair_id,lang1,lang2,text1,body2,extra\nx,en,en,A report.,Another report.,\n"
            let result = try await Self.compare(["--no-embedding"], in: dir, csv: csv)
            #expect(!result.killedBySignal && result.status == 1, "\(result)")
            #expect(result.stderr.contains(Self.fileName), "\(result)")
            #expect(result.stderr.contains("text2"), "\(result)")
            #expect(result.stderr.contains("body2"), "the message lists the columns found: \(result)")
            #expect(result.stdout.isEmpty, "\(result.stdout)")
        }
    }

    @Test func missingFileIsAnError() async throws {
        try await withTemporaryDirectory { dir in
            let result = try await ConcordProcess.run(["compare", "--pairs", "absent.csv", "--no-embedding"], in: dir)
            #expect(!result.killedBySignal && result.status == 1, "\(result)")
            #expect(result.stderr.contains("absent.csv"), "\(result)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test(arguments: [false, true])
    func jsonHasPairIDScoreAndContributions(embedding: Bool) async throws {
        try await withTemporaryDirectory { dir in
            let result = try await Self.compare(["--format", "json"] + (embedding ? [] : ["--no-embedding"]), in: dir)
            #expect(result.succeeded, "\(result)")
            let items = try result.json([ComparedPairOutput].self)
            #expect(items.map(\.pairID) == Self.parsedIDs)
            for item in items where Self.scoredIDs.contains(item.pairID) {
                let score = try #require(item.score, "\(item.pairID)")
                #expect((0...1).contains(score))
                let contributions = try #require(item.contributions, "\(item.pairID)")
                #expect(contributions["bias"] != nil, "\(contributions)")
                // The contributions are the terms of the logit: they explain the score exactly.
                let logit = contributions.values.reduce(0, +)
                #expect(abs(1 / (1 + exp(-logit)) - score) < 1e-9, "\(item.pairID): \(contributions) vs \(score)")
                // The dense embedding carries a contribution exactly when the encoder runs.
                let dense = contributions.keys.filter { $0.hasPrefix("embedding") }
                #expect(dense.isEmpty != embedding, "\(item.pairID): \(contributions.keys.sorted())")
            }
            #expect(items.first?.languagePair == "en-it", "the declared languages are read")
            let blank = try #require(items.last)
            #expect(blank.pairID == "no-text" && blank.score == nil && blank.contributions == nil, "\(blank)")
        }
    }
}

/// One element of `concord compare --format json`, decoded independently of the CLI's own type.
struct ComparedPairOutput: Decodable {
    var pairID: String
    var score: Double?
    var threshold: Double?
    var languagePair: String?
    var contributions: [String: Double]?
}

import ArgumentParser
import ConcordCore
import ConcordEngine
import Foundation

struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Learn the same-event model from gold data (the dev sets in ../shared/datasets).",
        discussion: """
            Pairs come from the gold clusters of vmds, allsides_neus, rpm2_fr and vlsp2022_abmusu (every candidate event the \
            clustering scores for an article, labelled by whether it is the article's gold event: the hard \
            negatives are the look-alike events clustering must reject) and from the SemEval-2022 Task 8 dev \
            pairs (Overall <= 1.5 same event, >= 3 different). Each dataset weighs the same. Two logistic \
            regressions are fitted (with and without the dense embedding), with join thresholds per language \
            pair. --leave-out DATASET trains without it, for validation on it.

            Write the built-in model with:
              concord train --output Sources/ConcordCore/Similarity/DefaultSameEventModel.swift
            """)

    static let datasetNames = TrainingData.datasetNames

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The gold datasets folder (default: $CONCORD_DATASETS or ../shared/datasets).",
            valueName: "dir"))
    var datasets: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the model here: .json, or .swift for the built-in model source.",
            valueName: "file"))
    var output: String
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Train without this dataset (\(TrainCommand.datasetNames.joined(separator: ", "))); repeatable.",
            valueName: "name"))
    var leaveOut: [String] = []
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Train on the SemEval pairs outside fold K of N (pairs go to folds by a hash of pair_id), to validate on fold K.",
            valueName: "K/N"))
    var semevalFold: String?
    @Option(name: .long, help: "L2 penalty on the standardized weights.") var l2 = 1.0
    @OptionGroup var models: ModelOptions
    @OptionGroup var tuning: TuningOptions

    func validate() throws {
        for name in leaveOut where !Self.datasetNames.contains(name) {
            throw ValidationError("unknown dataset \(name); known: \(Self.datasetNames.joined(separator: ", "))")
        }
        if models.noEmbedding { throw ValidationError("train needs the encoder (both weight sets are fitted)") }
        if semevalFold != nil, fold == nil {
            throw ValidationError("--semeval-fold takes K/N with 0 <= K < N, e.g. 0/5")
        }
    }

    /// `--semeval-fold K/N` as (K, N).
    var fold: (Int, Int)? {
        guard let parts = semevalFold?.split(separator: "/"), parts.count == 2, let k = Int(parts[0]),
            let n = Int(parts[1]),
            n > 1, (0..<n).contains(k)
        else { return nil }
        return (k, n)
    }

    var directory: String {
        datasets ?? ProcessInfo.processInfo.environment["CONCORD_DATASETS"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "../shared/datasets"
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: directory) else {
            throw CommandError("\(directory): no such datasets folder (pass --datasets DIR or set CONCORD_DATASETS)")
        }
        let configuration = try tuning.configuration()
        let extractor = try models.extractor(try tuning.extractorConfiguration())
        let embedder = try models.embedder()
        var pairs: [LabelledPair] = []
        for name in Self.datasetNames where !leaveOut.contains(name) {
            let start = Date()
            let found: [LabelledPair]
            do {
                found = try TrainingData.pairs(
                    of: name, in: directory, extractor: extractor, embedder: embedder, configuration: configuration,
                    heldOutFold: fold)
            } catch { throw CommandError("\(error)") }
            Console.error(
                "\(name): \(found.count) pairs, \(found.filter(\.label).count) same event (\(String(format: "%.1f", Date().timeIntervalSince(start))) s)"
            )
            pairs += found
        }
        guard !pairs.isEmpty else { throw CommandError("no training pairs") }
        let embedded = SameEventTraining.fit(pairs, l2: l2)
        let lexical = SameEventTraining.fit(
            pairs.map { p in
                var s = p.signals
                s.embedding = nil
                return LabelledPair(signals: s, label: p.label, dataset: p.dataset)
            }, l2: l2)
        var command = "concord train"
        for name in leaveOut { command += " --leave-out " + name }
        if let semevalFold { command += " --semeval-fold " + semevalFold }
        let trainedOn: [String] = Self.datasetNames.filter { !leaveOut.contains($0) }
        let provenance: [String: String] = [
            "trainedOn": trainedOn.joined(separator: ","), "pairs": String(pairs.count),
            "positives": String(pairs.filter(\.label).count), "l2": String(l2), "command": command,
        ]
        let model = SameEventModel(embedded: embedded, lexicalOnly: lexical, provenance: provenance)
        let json = String(decoding: try model.jsonData(), as: UTF8.self)
        let text = output.hasSuffix(".swift") ? SameEventModel.swiftSource(json: json) : json + "\n"
        guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
            throw CommandError("\(output): cannot write")
        }
        var table = TextTable(header: ["feature", "with embedding", "without"])
        table.rows.append([
            "(intercept)", String(format: "%+.3f", embedded.intercept), String(format: "%+.3f", lexical.intercept),
        ])
        for name in PairFeatures.names {
            table.rows.append([
                name, String(format: "%+.3f", embedded.weights[name] ?? 0),
                String(format: "%+.3f", lexical.weights[name] ?? 0),
            ])
        }
        print(table.render())
        print(
            "thresholds: same language \(embedded.sameLanguageThreshold), cross-lingual \(embedded.crossLingualThreshold); "
                + embedded.thresholds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        )
        Console.error("wrote \(output) (\(pairs.count) pairs)")
    }
}

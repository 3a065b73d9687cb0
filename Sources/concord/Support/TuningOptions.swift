import ArgumentParser
import ConcordCore
import Foundation

// The key-path tables are immutable after initialization, hence nonisolated(unsafe).
/// The same-event model and expert overrides of the clustering configuration, for experiments:
/// `--decision-model m.json --set windowDays=5`.
struct TuningOptions: ParsableArguments {
    @Option(
        name: .customLong("decision-model"),
        help: ArgumentHelp(
            "A same-event model written by `concord train` (default: the built-in one).", valueName: "file"))
    var decisionModel: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Override a clustering parameter (name=value); repeatable. Names: "
                + TuningOptions.names.joined(separator: ", ") + ".", valueName: "name=value", visibility: .hidden))
    var overrides: [String] = []

    nonisolated(unsafe) static let scorerKeys: [String: WritableKeyPath<SameEventScorer.Configuration, Double>] = [
        "dateTolerance": \.dateTolerance, "thresholdShift": \.thresholdShift,
    ]
    nonisolated(unsafe) static let clusteringKeys: [String: WritableKeyPath<EventClustering.Configuration, Double>] = [
        "windowDays": \.windowDays, "mergeMargin": \.mergeMargin, "mergeFloor": \.mergeFloor,
        "averageLinkCosine": \.averageLinkCosine, "termFrequencyLog": \.termFrequencyLog,
        "idfOffset": \.idfOffset, "averageLinkLexicalWeight": \.averageLinkLexicalWeight,
        "linkCalibration": \.linkCalibration,
    ]
    nonisolated(unsafe) static let countKeys: [String: WritableKeyPath<EventClustering.Configuration, Int>] = [
        "calibrationWindow": \.calibrationWindow, "calibrationSamples": \.calibrationSamples,
    ]
    static let extractorKeys: Set<String> = ["maxTextCharacters", "maxTermCharacters"]
    static var names: [String] {
        (Array(scorerKeys.keys) + Array(clusteringKeys.keys) + Array(countKeys.keys) + Array(extractorKeys)).sorted()
    }

    func extractorConfiguration() throws -> FeatureExtractor.Configuration {
        var c = FeatureExtractor.Configuration()
        for item in overrides {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, Self.extractorKeys.contains(parts[0]) else { continue }
            guard let v = Int(parts[1]), v >= 0 else { throw ValidationError("bad \(item)") }
            if parts[0] == "maxTextCharacters" { c.maxTextCharacters = v } else { c.maxTermCharacters = v }
        }
        return c
    }

    func model() throws -> SameEventModel {
        guard let decisionModel else { return .default }
        do {
            return try SameEventModel(contentsOf: URL(fileURLWithPath: decisionModel))
        } catch {
            throw CommandError("\(decisionModel): not a same-event model (\(error))")
        }
    }

    func configuration() throws -> EventClustering.Configuration {
        var c = EventClustering.Configuration()
        c.scorer.model = try model()
        for item in overrides {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]) else {
                throw ValidationError("--set takes name=value, got \(item)")
            }
            if Self.extractorKeys.contains(parts[0]) {
                continue
            } else if let k = Self.scorerKeys[parts[0]] {
                c.scorer[keyPath: k] = value
            } else if let k = Self.clusteringKeys[parts[0]] {
                c[keyPath: k] = value
            } else if let k = Self.countKeys[parts[0]] {
                guard let count = Int(exactly: value), count >= 0 else {
                    throw ValidationError("\(parts[0]) takes a count, got \(parts[1])")
                }
                c[keyPath: k] = count
            } else {
                throw ValidationError("unknown parameter \(parts[0]); known: \(Self.names.joined(separator: ", "))")
            }
        }
        return c
    }
}

import Foundation

/// The learned same-event decision: a logistic regression over ``PairFeatures`` with thresholds per
/// language pair.
///
/// Two weight sets: one for comparisons where both sides have dense embeddings, one for comparisons
/// without (no encoder, `--no-embedding`). Its numbers come from `concord train` on the gold sets in
/// `../shared/datasets` (see ``SameEventTraining``); the built-in default is ``SameEventModel/default``.
public struct SameEventModel: Sendable, Hashable, Codable {
    /// One logistic regression: `p = σ(intercept + Σ weights[name] · feature[name])`.
    public struct Weights: Sendable, Hashable, Codable {
        public var intercept: Double
        /// By ``PairFeatures/Feature`` raw value; a missing name weighs 0.
        public var weights: [String: Double]
        /// Join threshold on `p` per language pair (`en-en`, `de-en`), chosen on the training pairs.
        public var thresholds: [String: Double]
        /// Threshold for language pairs not in `thresholds`: `sameLanguage` when both sides share a
        /// language, `crossLingual` otherwise.
        public var sameLanguageThreshold: Double
        public var crossLingualThreshold: Double
        /// Reference values of the features (their training means): explanations report each contribution
        /// relative to them, so "embedding +2.1" means more similar than a typical candidate. nil: 0.
        public var centers: [String: Double]?

        public init(
            intercept: Double, weights: [String: Double], thresholds: [String: Double] = [:],
            sameLanguageThreshold: Double = 0.5, crossLingualThreshold: Double = 0.5
        ) {
            self.intercept = intercept
            self.weights = weights
            self.thresholds = thresholds
            self.sameLanguageThreshold = sameLanguageThreshold
            self.crossLingualThreshold = crossLingualThreshold
        }

        /// Each present feature's contribution to the logit, weight × (value − center), by name, plus `bias`
        /// (the intercept, the centers' share and absent (zero) features); they sum to ``logit(_:)``.
        public func contributions(_ x: PairFeatures) -> [String: Double] {
            var bias = intercept
            var c: [String: Double] = [:]
            for (i, name) in PairFeatures.names.enumerated() {
                let w = weights[name] ?? 0
                guard w != 0 else { continue }
                if x.values[i] != 0 {
                    let center = centers?[name] ?? 0
                    bias += w * center
                    c[name] = w * (x.values[i] - center)
                }
            }
            c["bias"] = bias
            return c
        }

        public func logit(_ x: PairFeatures) -> Double {
            var z = intercept
            for (i, name) in PairFeatures.names.enumerated() { z += (weights[name] ?? 0) * x.values[i] }
            return z
        }

        /// The join threshold for a language pair, with the documented fallback.
        public func threshold(for languagePair: String, crossLingual: Bool) -> Double {
            thresholds[languagePair] ?? (crossLingual ? crossLingualThreshold : sameLanguageThreshold)
        }
    }

    /// Used when both sides have embeddings.
    public var embedded: Weights
    /// Used otherwise.
    public var lexicalOnly: Weights
    /// What the model was trained on, for the record (datasets, pair counts, date).
    public var provenance: [String: String]

    public init(embedded: Weights, lexicalOnly: Weights, provenance: [String: String] = [:]) {
        self.embedded = embedded
        self.lexicalOnly = lexicalOnly
        self.provenance = provenance
    }

    public func weights(for s: PairSignals) -> Weights { s.embedding == nil ? lexicalOnly : embedded }

    /// Reads a model written by `concord train`.
    public init(contentsOf url: URL) throws {
        self = try JSONDecoder().decode(Self.self, from: Data(contentsOf: url))
    }

    /// The model as pretty JSON with sorted keys.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// The model compiled into Concord (`Sources/ConcordCore/Similarity/DefaultSameEventModel.swift`,
    /// written by `concord train --output` with a `.swift` path).
    public static let `default`: SameEventModel = {
        do {
            return try JSONDecoder().decode(SameEventModel.self, from: Data(defaultModelJSON.utf8))
        } catch {
            preconditionFailure("the built-in same-event model does not decode: \(error)")
        }
    }()

    /// Swift source holding `json` as the built-in model, indented the way `scripts/format` leaves it.
    public static func swiftSource(json: String) -> String {
        let indented = json.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        return """
            // Written by `concord train --output Sources/ConcordCore/Similarity/DefaultSameEventModel.swift`.
            // Do not edit by hand: retrain instead (see the README, "Same-event model").

            /// The built-in same-event model (JSON of ``SameEventModel``).
            let defaultModelJSON = #\"\"\"
            \(indented.joined(separator: "\n"))
                \"\"\"#

            """
    }
}

import Foundation

/// Join thresholds read from the stream itself, without labels.
///
/// The model's probabilities do not mean the same on every stream: a language or an outlet mix it was not
/// trained on shifts them, and a threshold learned elsewhere then joins look-alike events. But the stream
/// shows where its own threshold lies. For each article, the probability of its best candidate event is
/// either a true match (high) or the nearest look-alike (low); over a stream these form two groups. The
/// split that best separates them (Otsu's method on the logits: the cut with the largest between-group
/// variance) is the stream's threshold.
///
/// The stream's threshold only ever *raises* the model's: a stream with no true matches has one group,
/// which Otsu would still cut in two, and lowering the threshold there would join unrelated articles.
/// Raising it can only split an event, which the merge pass may still repair.
///
/// Samples are kept per same-language pair (`vi-vi`); cross-lingual comparisons keep the model's
/// thresholds (too few per stream, and their scale differs). Near copies are not sampled.
public struct StreamCalibration: Sendable, Hashable {
    /// Language pair → the best-candidate probabilities seen.
    public private(set) var samples: [String: [Double]] = [:]

    public init() {}

    /// A best candidate this similar in wording (TF-IDF cosine) is a copy of the same text: it is a match
    /// whatever the threshold, and a stream full of syndicated copies would otherwise pull the match group
    /// (and the cut) toward p = 1, splitting reports that tell one event in different words.
    public static let nearCopyLexical = 0.8

    /// Records the best candidate of one article (cross-lingual comparisons and near copies are ignored).
    public mutating func record(_ best: SameEventScorer.Assessment) {
        guard !best.signals.isCrossLingual, (best.signals.lexical ?? 0) < Self.nearCopyLexical else { return }
        samples[best.signals.languagePair, default: []].append(best.probability)
    }

    /// The highest threshold the stream may set. Matches between near-copies score p ≈ 1, and a cut
    /// halfway to them in logits would leave almost nothing able to join.
    public static let ceiling = 0.95

    /// The stream's join threshold per language pair with at least `minimumSamples` samples (hundredths,
    /// at most ``ceiling``).
    public func thresholds(minimumSamples: Int) -> [String: Double] {
        var result: [String: Double] = [:]
        for (pair, values) in samples where values.count >= max(2, minimumSamples) {
            guard let cut = Self.otsu(values.map(Self.logit)) else { continue }
            result[pair] = (min(Self.ceiling, 1 / (1 + exp(-cut))) * 100).rounded() / 100
        }
        return result
    }

    /// The logit of a probability, clipped to ±6 (p 0.0025...0.9975). Beyond that a score says no more about
    /// where the cut lies, and unclipped, a few extreme scores (copies at p ≈ 1) would drag the cut toward them.
    static func logit(_ p: Double) -> Double {
        let q = min(max(p, 1e-6), 1 - 1e-6)
        return max(-6, min(6, log(q / (1 - q))))
    }

    /// The cut between two sorted neighbours that maximizes the between-group variance (Otsu); nil when
    /// all values are equal.
    ///
    /// - Complexity: O(n log n).
    static func otsu(_ values: [Double]) -> Double? {
        let x = values.sorted()
        guard x.count >= 2, x[0] < x[x.count - 1] else { return nil }
        let n = Double(x.count), total = x.reduce(0, +)
        var below = 0.0, best: (score: Double, cut: Double)?
        for i in 1..<x.count {
            below += x[i - 1]
            guard x[i - 1] < x[i] else { continue }
            let k = Double(i)
            let meanBelow = below / k, meanAbove = (total - below) / (n - k)
            let score = k * (n - k) * (meanAbove - meanBelow) * (meanAbove - meanBelow)
            if score > best?.score ?? -.infinity { best = (score, (x[i - 1] + x[i]) / 2) }
        }
        return best?.cut
    }
}

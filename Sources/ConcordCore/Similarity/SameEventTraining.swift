import Foundation

/// One labelled comparison for training or validating the same-event model.
public struct LabelledPair: Sendable, Hashable {
    public var signals: PairSignals
    public var features: PairFeatures
    /// True when the two sides report the same event.
    public var label: Bool
    /// The dataset it comes from (datasets are weighted equally and left out one at a time).
    public var dataset: String

    public init(signals: PairSignals, label: Bool, dataset: String) {
        self.signals = signals
        self.features = PairFeatures(signals)
        self.label = label
        self.dataset = dataset
    }
}

/// Training data and fitting for ``SameEventModel``.
public enum SameEventTraining {
    /// The comparisons clustering makes on a gold set, labelled by the gold events.
    ///
    /// Runs the stream as ``EventClustering/cluster(_:)`` does (same order, same candidate search; IDF over
    /// all gold articles, content duplicates included) but places every article in its gold event (teacher forcing). Each candidate event scored
    /// for an article gives one article–event pair, labelled true when it is the article's gold event, so
    /// the hard negatives are exactly the look-alike events clustering has to reject.
    public static func clusteringPairs(
        _ features: [ArticleFeatures], gold: [String: String], dataset: String,
        configuration: EventClustering.Configuration = .init()
    ) -> [LabelledPair] {
        var state = EventClustering(configuration: configuration)
        let order = EventClustering.batchOrder(features).filter { gold[features[$0].articleID] != nil }
        for i in order { state.observe(features[i]) }
        var pairs: [LabelledPair] = []
        for i in order {
            let f = features[i]
            guard !state.isKnown(f), let g = gold[f.articleID] else { continue }
            let target = EventID("gold:" + g)
            let vector = state.unitVector(state.observe(f))
            let single = EventProfile(id: EventID(openedBy: f.articleID), article: f, terms: vector)
            for id in state.candidates(for: single, keys: state.lookupKeys(f, vector: vector)) {
                guard let event = state.events[id] else { continue }
                let s = state.scorer.signals(single, event, statistics: state.statistics)
                pairs.append(LabelledPair(signals: s, label: id == target, dataset: dataset))
            }
            state.restore(f, into: target)
        }
        return pairs
    }

    /// Fits one logistic regression by Newton's method with an L2 penalty `l2` on the (standardized)
    /// weights; each dataset weighs the same in total. A weight whose sign contradicts
    /// ``PairFeatures/expectedSign(_:)`` is set to 0 and the rest refitted, until none does. Thresholds per language pair maximize the F1 of
    /// the pairs of that language pair (at least `minimumPairs` of them with both labels present),
    /// shrunk toward the same-language or cross-lingual threshold.
    public static func fit(_ pairs: [LabelledPair], l2: Double = 1.0, minimumPairs: Int = 50) -> SameEventModel.Weights
    {
        let d = PairFeatures.names.count
        var datasetTotal: [String: Int] = [:]
        for p in pairs { datasetTotal[p.dataset, default: 0] += 1 }
        let n = Double(pairs.count)
        let weight = pairs.map { n / Double(datasetTotal.count) / Double(datasetTotal[$0.dataset, default: 1]) }
        // Standardize.
        var mean = [Double](repeating: 0, count: d), sd = [Double](repeating: 0, count: d)
        for (p, w) in zip(pairs, weight) { for j in 0..<d { mean[j] += w * p.features.values[j] } }
        for j in 0..<d { mean[j] /= n }
        for (p, w) in zip(pairs, weight) { for j in 0..<d { sd[j] += w * pow(p.features.values[j] - mean[j], 2) } }
        for j in 0..<d { sd[j] = (sd[j] / n).squareRoot() }
        let x = pairs.map { p in (0..<d).map { sd[$0] > 1e-9 ? (p.features.values[$0] - mean[$0]) / sd[$0] : 0 } + [1] }
        let y = pairs.map { $0.label ? 1.0 : 0.0 }
        let signs = PairFeatures.Feature.allCases.map(PairFeatures.expectedSign)
        var excluded = Set((0..<d).filter { sd[$0] <= 1e-9 })
        var beta = [Double](repeating: 0, count: d + 1)
        while true {
            beta = newton(x: x, y: y, weight: weight, l2: l2, excluded: excluded)
            let violators = (0..<d).filter { !excluded.contains($0) && signs[$0] * beta[$0] < 0 }
            if violators.isEmpty { break }
            excluded.formUnion(violators)
        }
        var weights: [String: Double] = [:]
        var intercept = beta[d]
        for (j, name) in PairFeatures.names.enumerated() where !excluded.contains(j) {
            let w = beta[j] / sd[j]
            weights[name] = w
            intercept -= w * mean[j]
        }
        var model = SameEventModel.Weights(intercept: intercept, weights: weights)
        // Centers of the similarity features: their mean over the pairs where they are present (non-zero);
        // evidence features (agreements, conflicts, gaps) are read against 0, their absence.
        let similarities: Set<PairFeatures.Feature> = [
            .embedding, .embeddingCrossLingual, .lexical, .entities,
            .entitiesCrossLingual, .length,
        ]
        model.centers = Dictionary(
            uniqueKeysWithValues: similarities.map(\.rawValue).filter { weights[$0] != nil }.map { name in
                let j = PairFeatures.names.firstIndex(of: name) ?? 0
                var sum = 0.0, total = 0.0
                for (p, w) in zip(pairs, weight) where p.features.values[j] != 0 {
                    sum += w * p.features.values[j]
                    total += w
                }
                return (name, total > 0 ? (sum / total * 1000).rounded() / 1000 : 0)
            })
        calibrateThresholds(&model, pairs: pairs, minimumPairs: minimumPairs)
        return model
    }

    /// Newton's method for the standardized logistic regression; `excluded` weights stay 0.
    static func newton(x: [[Double]], y: [Double], weight: [Double], l2: Double, excluded: Set<Int>) -> [Double] {
        let d = x[0].count - 1
        var beta = [Double](repeating: 0, count: d + 1)
        for _ in 0..<50 {
            var gradient = [Double](repeating: 0, count: d + 1)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: d + 1), count: d + 1)
            for i in x.indices {
                let z = zip(beta, x[i]).reduce(0) { $0 + $1.0 * $1.1 }
                let p = 1 / (1 + exp(-z))
                let r = weight[i] * (p - y[i]), h = weight[i] * max(p * (1 - p), 1e-9)
                for j in 0...d where x[i][j] != 0 {
                    gradient[j] += r * x[i][j]
                    for k in j...d where x[i][k] != 0 { hessian[j][k] += h * x[i][j] * x[i][k] }
                }
            }
            for j in 0..<d {
                gradient[j] += l2 * beta[j]
                hessian[j][j] += l2
            }
            for j in 0...d { for k in 0..<j { hessian[j][k] = hessian[k][j] } }
            for j in excluded {
                gradient[j] = 0
                for k in 0...d { (hessian[j][k], hessian[k][j]) = (0, 0) }
                hessian[j][j] = 1
            }
            hessian[d][d] += 1e-9
            guard let step = solve(hessian, gradient) else { break }
            var largest = 0.0
            for j in 0...d {
                beta[j] -= step[j]
                largest = max(largest, abs(step[j]))
            }
            if largest < 1e-8 { break }
        }
        return beta
    }

    /// Sets the join thresholds of `model` from its probabilities on the training pairs.
    static func calibrateThresholds(_ model: inout SameEventModel.Weights, pairs: [LabelledPair], minimumPairs: Int) {
        let scored = pairs.map { (p: 1 / (1 + exp(-model.logit($0.features))), pair: $0) }
        func best(_ items: [(p: Double, pair: LabelledPair)]) -> Double? {
            let positives = items.filter(\.pair.label).count
            guard items.count >= minimumPairs, positives > 0, positives < items.count else { return nil }
            var bestF1 = -1.0, bestT = 0.5
            for step in 1..<100 {
                let t = Double(step) / 100
                var tp = 0, fp = 0
                for item in items where item.p >= t { if item.pair.label { tp += 1 } else { fp += 1 } }
                let f1 = tp == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + fp + (positives - tp))
                if f1 > bestF1 { (bestF1, bestT) = (f1, t) }
            }
            return bestT
        }
        let same = scored.filter { !$0.pair.signals.isCrossLingual },
            cross = scored.filter { $0.pair.signals.isCrossLingual }
        model.sameLanguageThreshold = best(same) ?? 0.5
        model.crossLingualThreshold = best(cross) ?? model.sameLanguageThreshold
        for (languagePair, items) in Dictionary(grouping: scored, by: { $0.pair.signals.languagePair }) {
            guard let t = best(items) else { continue }
            let fallback =
                items[0].pair.signals.isCrossLingual ? model.crossLingualThreshold : model.sameLanguageThreshold
            let k = Double(minimumPairs)
            model.thresholds[languagePair] =
                ((Double(items.count) * t + k * fallback) / (Double(items.count) + k) * 100).rounded() / 100
        }
    }

    /// Solves `a · x = b` by Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = a, v = b
        let n = v.count
        for c in 0..<n {
            guard let p = (c..<n).max(by: { abs(m[$0][c]) < abs(m[$1][c]) }), abs(m[p][c]) > 1e-12 else { return nil }
            m.swapAt(c, p)
            v.swapAt(c, p)
            for r in (c + 1)..<n where m[r][c] != 0 {
                let f = m[r][c] / m[c][c]
                for k in c..<n { m[r][k] -= f * m[c][k] }
                v[r] -= f * v[c]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var s = v[r]
            for k in (r + 1)..<n { s -= m[r][k] * x[k] }
            x[r] = s / m[r][r]
        }
        return x
    }
}

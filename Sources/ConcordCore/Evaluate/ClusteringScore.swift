/// Scores a predicted clustering against gold labels: BCubed and pairwise precision, recall, F1.
public struct ClusteringScore: Sendable, Hashable, Codable {
    public struct PRF: Sendable, Hashable, Codable {
        public var precision: Double
        public var recall: Double
        public var f1: Double

        init(precision: Double, recall: Double) {
            self.precision = precision
            self.recall = recall
            self.f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
    }

    public var bcubed: PRF
    public var pairwise: PRF
    public var goldEvents: Int
    public var predictedEvents: Int
    public var articles: Int

    /// Scores `predicted` (article → predicted event) against `gold` (article → gold event), over the
    /// articles present in both.
    ///
    /// - Complexity: O(n) plus the sizes of the cluster intersections.
    public init(gold: [String: String], predicted: [String: String]) {
        let items = gold.compactMap { item, g in predicted[item].map { (item: item, gold: g, predicted: $0) } }
            .sorted { $0.item < $1.item }
        var goldSize: [String: Int] = [:], predSize: [String: Int] = [:], both: [String: [String: Int]] = [:]
        for (_, g, p) in items {
            goldSize[g, default: 0] += 1
            predSize[p, default: 0] += 1
            both[g, default: [:]][p, default: 0] += 1
        }
        var bp = 0.0, br = 0.0
        for (_, g, p) in items {
            let overlap = Double(both[g]?[p] ?? 0)
            bp += overlap / Double(predSize[p] ?? 1)
            br += overlap / Double(goldSize[g] ?? 1)
        }
        let n = Double(max(items.count, 1))
        bcubed = PRF(precision: bp / n, recall: br / n)
        func pairs(_ k: Int) -> Double { Double(k * (k - 1) / 2) }
        let truePairs = both.values.flatMap(\.values).reduce(0.0) { $0 + pairs($1) }
        let predPairs = predSize.values.reduce(0.0) { $0 + pairs($1) }
        let goldPairs = goldSize.values.reduce(0.0) { $0 + pairs($1) }
        pairwise = PRF(
            precision: predPairs > 0 ? truePairs / predPairs : 1, recall: goldPairs > 0 ? truePairs / goldPairs : 1)
        goldEvents = goldSize.count
        predictedEvents = predSize.count
        articles = items.count
    }
}

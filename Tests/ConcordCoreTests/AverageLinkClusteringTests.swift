import Foundation
import Testing

@testable import ConcordCore

/// The e5 + average-link baseline: its hierarchy must be the textbook one, and its cuts what a threshold says.
@Suite struct AverageLinkClusteringTests {
    /// Unit vectors from a seeded generator (a linear congruential one: the same in every process).
    static func vectors(_ n: Int, dimension: Int, seed: UInt64) -> [[Float]] {
        var state = seed
        func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(state >> 40) / Float(1 << 24) - 0.5
        }
        return (0..<n).map { _ in
            let v = (0..<dimension).map { _ in next() }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return v.map { $0 / norm }
        }
    }

    /// Textbook average link: repeatedly merge the closest pair of clusters while it is within `threshold`.
    static func naive(_ vectors: [[Float]], threshold: Double) -> [Set<Int>] {
        var clusters = vectors.indices.map { Set([$0]) }
        func distance(_ a: Set<Int>, _ b: Set<Int>) -> Double {
            var sum = 0.0
            for i in a { for j in b { sum += 1 - SameEventScorer.dot(vectors[i], vectors[j]) } }
            return sum / Double(a.count * b.count)
        }
        while clusters.count > 1 {
            var best: (Int, Int, Double)?
            for i in clusters.indices {
                for j in (i + 1)..<clusters.count {
                    let d = distance(clusters[i], clusters[j])
                    if d < best?.2 ?? .infinity { best = (i, j, d) }
                }
            }
            guard let (i, j, d) = best, d <= threshold else { break }
            clusters[i].formUnion(clusters[j])
            clusters.remove(at: j)
        }
        return clusters
    }

    static func groups(_ labels: [Int]) -> Set<Set<Int>> {
        Set(Dictionary(grouping: labels.indices, by: { labels[$0] }).values.map(Set.init))
    }

    @Test("the chain's hierarchy equals the textbook algorithm's at every cut", arguments: [1, 2, 3] as [UInt64])
    func matchesTheTextbookAlgorithm(seed: UInt64) {
        let vectors = Self.vectors(40, dimension: 6, seed: seed)
        let merges = AverageLinkClustering.dendrogram(vectors)
        #expect(merges.count == 39)
        #expect(zip(merges, merges.dropFirst()).allSatisfy { $0.distance <= $1.distance })
        for threshold in [0.2, 0.5, 0.8, 1.0, 1.2] {
            let labels = AverageLinkClustering.cut(merges, count: vectors.count, threshold: threshold)
            #expect(Self.groups(labels) == Set(Self.naive(vectors, threshold: threshold)), "threshold \(threshold)")
        }
    }

    @Test("near copies group together and apart from another story; the threshold decides")
    func thresholdDecides() {
        let a: [Float] = [1, 0, 0]
        let a2: [Float] = [0.995, 0.0998, 0]
        let b: [Float] = [0, 1, 0]
        let merges = AverageLinkClustering.dendrogram([a, b, a2])
        #expect(AverageLinkClustering.cut(merges, count: 3, threshold: 0.05) == [0, 1, 0])
        #expect(AverageLinkClustering.cut(merges, count: 3, threshold: 0.001) == [0, 1, 2])
        #expect(AverageLinkClustering.cut(merges, count: 3, threshold: 1.0) == [0, 0, 0])
    }

    @Test("fewer than two vectors: no merge, one label each")
    func degenerate() {
        #expect(AverageLinkClustering.dendrogram([]).isEmpty)
        #expect(AverageLinkClustering.dendrogram([[1, 0]]).isEmpty)
        #expect(AverageLinkClustering.cut([], count: 1, threshold: 0.5) == [0])
    }
}

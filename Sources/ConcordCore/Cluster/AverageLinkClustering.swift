import Foundation

/// Average-link agglomerative clustering of unit embeddings at one cosine-distance threshold: the plain
/// alternative Concord is measured against.
///
/// This is what a user could build in an afternoon from the same encoder: embed every article, then merge
/// the two closest clusters (mean pairwise cosine distance between their members) until the closest pair is
/// further apart than a threshold. It sees no dates, entities or numbers. ``dendrogram(_:)`` computes every
/// merge once, so cutting at many thresholds (``cut(_:count:threshold:)``) costs no more than one.
///
/// ```swift
/// let merges = AverageLinkClustering.dendrogram(vectors)
/// let labels = AverageLinkClustering.cut(merges, count: vectors.count, threshold: 0.12)
/// ```
public enum AverageLinkClustering {
    /// One merge of two clusters, each named by one of its members (an index into the input).
    public struct Merge: Sendable, Hashable {
        public var a: Int
        public var b: Int
        /// The mean cosine distance (1 − cosine) between the members of the two clusters.
        public var distance: Double
    }

    /// Every merge of average-link clustering, in increasing distance.
    ///
    /// Uses the nearest-neighbour chain algorithm over a full distance matrix (average linkage is
    /// reducible, so the chain finds the same hierarchy as the textbook algorithm). Vectors of another
    /// dimension than the first, or empty ones, are at distance 1 from everything.
    ///
    /// - Parameter vectors: unit-length embeddings.
    /// - Returns: n − 1 merges for n vectors (none for fewer than two).
    /// - Complexity: O(n²) time and memory.
    public static func dendrogram(_ vectors: [[Float]]) -> [Merge] {
        let n = vectors.count
        guard n > 1 else { return [] }
        let dimension = vectors.first { !$0.isEmpty }?.count ?? 0
        var d = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                var cosine = 0.0
                if vectors[i].count == dimension, vectors[j].count == dimension, dimension > 0 {
                    cosine = SameEventScorer.dot(vectors[i], vectors[j])
                }
                d[i * n + j] = 1 - cosine
                d[j * n + i] = 1 - cosine
            }
        }
        return dendrogram(distances: d, count: n)
    }

    /// Every merge of average-link clustering of `count` items, given their distances (row-major,
    /// `count` × `count`, symmetric).
    ///
    /// - Complexity: O(n²) time and memory.
    public static func dendrogram(distances: [Double], count n: Int) -> [Merge] {
        guard n > 1, distances.count == n * n else { return [] }
        var d = distances
        var size = [Int](repeating: 1, count: n)
        var active = [Bool](repeating: true, count: n)
        var activeCount = n
        var chain: [Int] = []
        var merges: [Merge] = []
        merges.reserveCapacity(n - 1)
        var nextStart = 0
        while activeCount > 1 {
            if chain.isEmpty {
                while !active[nextStart] { nextStart += 1 }
                chain.append(nextStart)
            }
            let a = chain[chain.count - 1]
            let previous = chain.count > 1 ? chain[chain.count - 2] : -1
            // The nearest active cluster; on a tie, the previous link of the chain (so the chain terminates),
            // then the lowest index (so the result is deterministic).
            var best = -1
            var bestDistance = Double.infinity
            for k in 0..<n where active[k] && k != a {
                let x = d[a * n + k]
                if x < bestDistance || (x == bestDistance && k == previous) {
                    (best, bestDistance) = (k, x)
                }
            }
            if best == previous {
                chain.removeLast(2)
                let (keep, gone) = (min(a, best), max(a, best))
                merges.append(Merge(a: keep, b: gone, distance: bestDistance))
                let (sk, sg) = (Double(size[keep]), Double(size[gone]))
                for k in 0..<n where active[k] && k != keep && k != gone {
                    let x = (sk * d[keep * n + k] + sg * d[gone * n + k]) / (sk + sg)
                    d[keep * n + k] = x
                    d[k * n + keep] = x
                }
                size[keep] += size[gone]
                active[gone] = false
                activeCount -= 1
            } else {
                chain.append(best)
            }
        }
        return merges.enumerated().sorted { ($0.element.distance, $0.offset) < ($1.element.distance, $1.offset) }
            .map(\.element)
    }

    /// Cluster labels (0-based, in order of first appearance) after every merge at distance ≤ `threshold`.
    ///
    /// - Parameters:
    ///   - merges: from ``dendrogram(_:)``.
    ///   - count: the number of vectors clustered.
    ///   - threshold: the largest mean cosine distance at which two clusters still merge.
    /// - Complexity: O(n α(n)).
    public static func cut(_ merges: [Merge], count: Int, threshold: Double) -> [Int] {
        var parent = Array(0..<count)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for m in merges where m.distance <= threshold {
            let (ra, rb) = (root(m.a), root(m.b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var labels: [Int: Int] = [:]
        return (0..<count).map { i in
            let r = root(i)
            if let l = labels[r] { return l }
            labels[r] = labels.count
            return labels.count - 1
        }
    }
}

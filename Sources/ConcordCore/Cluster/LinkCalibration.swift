import Foundation

/// The consolidation's cut, read from the stream without labels.
///
/// The merge pass consolidates two events whose members are, on average, alike in meaning and in wording: the
/// *link similarity* mixes the members' mean embedding cosine, rescaled so that ``embeddingFloor`` ... 1 spans
/// 0 ... 1 (below it two news texts are unrelated for this encoder), with their mean TF-IDF cosine
/// (cross-lingual pairs: the embedding part alone). Where that similarity should be cut differs from stream to
/// stream (a topic-level stream wants a lower cut than an event-level one), and a cut fitted on other streams
/// transfers badly. So the stream sets it: its recent articles are clustered by average link on the link
/// similarity at every cut of ``grid``, and the cut whose clusters are best separated (the highest mean
/// silhouette: each article nearer, on average, to its own cluster than to the next) is the stream's.
public enum LinkCalibration {
    /// Embedding cosines at or below this count as no likeness at all. 0.8.
    public static let embeddingFloor = 0.8

    /// The cuts tried, on the link similarity: 0.10 ... 0.80 by 0.01.
    public static let grid: [Double] = stride(from: 10, through: 80, by: 1).map { Double($0) / 100 }

    /// One article of the stream as the calibration sees it.
    public struct Item: Sendable {
        public var embedding: [Float]?
        public var language: String
        /// Its TF-IDF vector at unit length.
        public var terms: SparseVector

        public init(embedding: [Float]?, language: String, terms: SparseVector) {
            self.embedding = embedding
            self.language = language
            self.terms = terms
        }
    }

    /// The link similarity (0...1) of a mean embedding cosine and a mean TF-IDF cosine (nil across
    /// languages); nil without an embedding.
    public static func similarity(embedding: Double?, lexical: Double?, lexicalWeight w: Double) -> Double? {
        guard let embedding else { return nil }
        let dense = min(1, max(0, (embedding - embeddingFloor) / (1 - embeddingFloor)))
        guard let lexical else { return dense }
        return (1 - w) * dense + w * min(1, max(0, lexical))
    }

    /// The stream's cut: the cut of ``grid`` with the highest mean silhouette (the lowest on a tie); nil for
    /// fewer than three articles or without embeddings.
    ///
    /// - Complexity: O(n²) memory and O(n² · g) time for n items and g cuts.
    public static func cut(_ items: [Item], lexicalWeight: Double) -> Double? {
        let n = items.count
        guard n >= 3, items.contains(where: { !($0.embedding ?? []).isEmpty }) else { return nil }
        var d = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                var cosine: Double?
                if let x = items[i].embedding, let y = items[j].embedding, !x.isEmpty, x.count == y.count {
                    cosine = SameEventScorer.dot(x, y)
                }
                let lexical = items[i].language == items[j].language ? items[i].terms.dot(items[j].terms) : nil
                let s = similarity(embedding: cosine, lexical: lexical, lexicalWeight: lexicalWeight) ?? 0
                d[i * n + j] = 1 - s
                d[j * n + i] = 1 - s
            }
        }
        let merges = AverageLinkClustering.dendrogram(distances: d, count: n)
        var best: (score: Double, cut: Double)?
        for c in grid {
            let labels = AverageLinkClustering.cut(merges, count: n, threshold: 1 - c)
            let score = silhouette(d, count: n, labels: labels)
            if score > best?.score ?? -.infinity { best = (score, c) }
        }
        return best?.cut
    }

    /// The mean silhouette of a clustering (0 for an article alone in its cluster).
    static func silhouette(_ d: [Double], count n: Int, labels: [Int]) -> Double {
        let k = (labels.max() ?? -1) + 1
        guard k > 1 else { return 0 }
        var size = [Int](repeating: 0, count: k)
        for l in labels { size[l] += 1 }
        var sums = [Double](repeating: 0, count: k)
        var total = 0.0
        for i in 0..<n where size[labels[i]] > 1 {
            for c in 0..<k { sums[c] = 0 }
            for j in 0..<n where j != i { sums[labels[j]] += d[i * n + j] }
            let own = labels[i]
            let a = sums[own] / Double(size[own] - 1)
            var b = Double.infinity
            for c in 0..<k where c != own { b = min(b, sums[c] / Double(size[c])) }
            let m = max(a, b)
            if b.isFinite, m > 0 { total += (b - a) / m }
        }
        return total / Double(n)
    }
}

import Foundation

extension EventClustering {
    /// The order in which a batch is clustered: by time (publication, else the event date from the text),
    /// then by input position; articles with no time at all come last, in input order.
    ///
    /// - Returns: indices into `features`.
    public static func batchOrder(_ features: [ArticleFeatures]) -> [Int] {
        func time(_ f: ArticleFeatures) -> Double? {
            f.published ?? f.eventDate.map { Double($0.last) * 86_400 + 43_200 }
        }
        return features.indices.sorted { i, j in
            switch (time(features[i]), time(features[j])) {
            case let (a?, b?): return a != b ? a < b : i < j
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return i < j
            }
        }
    }

    /// Clusters a batch in ``batchOrder(_:)`` with thresholds calibrated on the batch (``calibrate(on:)``),
    /// then runs the merge pass.
    ///
    /// - Returns: the decisions (in clustering order) and the merges.
    public mutating func cluster(_ features: [ArticleFeatures]) -> (decisions: [Decision], merges: [MergeRecord]) {
        var decisions: [Decision] = []
        decisions.reserveCapacity(features.count)
        let order = Self.batchOrder(features)
        var ids = Set<String>(), hashes = Set<String>()
        var distinct: [ArticleFeatures] = []
        for i in order where !isKnown(features[i]) {
            if ids.insert(features[i].articleID).inserted, hashes.insert(features[i].contentHash).inserted {
                observe(features[i])
                distinct.append(features[i])
            }
        }
        // The same sequence the ingestor calibrates on: each article once.
        if events.isEmpty { calibrate(on: distinct) }
        for i in order { decisions.append(add(features[i])) }
        return (decisions, mergePass())
    }
}

extension EventClustering {
    /// Assesses given pairs of articles against each other, with corpus statistics over all `features`
    /// (for `concord compare` and the SemEval pairs). Nothing is clustered.
    ///
    /// - Parameters:
    ///   - features: the articles, each counted once in the corpus statistics.
    ///   - pairs: indices into `features`.
    public mutating func compare(_ features: [ArticleFeatures], pairs: [(Int, Int)]) -> [SameEventScorer.Assessment] {
        for f in features { observe(f) }
        return pairs.map { assess(features[$0.0], features[$0.1]) }
    }
}

extension FeatureExtractor {
    /// Extracts the features of many articles on all cores, keeping their order.
    public func features(of articles: [Article]) -> [ArticleFeatures] {
        let results = UnsafeSendableBuffer<ArticleFeatures>(count: articles.count)
        DispatchQueue.concurrentPerform(iterations: articles.count) { i in
            results[i] = features(of: articles[i])
        }
        return results.values.compactMap { $0 }
    }

    /// The features of many articles, with their embeddings when there is an embedder.
    public func features(of articles: [Article], embeddedBy embedder: (any TextEmbedder)?) -> [ArticleFeatures] {
        var result = features(of: articles)
        embedder?.attach(to: &result, articles: articles, indices: Array(articles.indices))
        return result
    }
}

/// A fixed-size buffer written at distinct indices from concurrent iterations.
final class UnsafeSendableBuffer<T>: @unchecked Sendable {
    // Safe: each concurrent iteration writes only its own index, and reads happen after all writes.
    private var storage: [T?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    subscript(i: Int) -> T? {
        get { storage[i] }
        set { storage[i] = newValue }
    }
    var values: [T?] { storage }
}

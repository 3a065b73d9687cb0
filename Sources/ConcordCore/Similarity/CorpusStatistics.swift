import Foundation

/// Document frequencies of terms and entities, kept online as articles arrive.
///
/// IDF is `log((N + 1) / (df + 1)) + 1`, so it is defined before any article and for unseen terms.
public struct CorpusStatistics: Sendable, Hashable {
    public private(set) var documents = 0
    private(set) var termFrequency: [String: Int] = [:]
    private(set) var entityFrequency: [String: Int] = [:]

    public init() {}

    /// Counts one more article.
    public mutating func add(_ features: ArticleFeatures) {
        documents += 1
        for term in features.terms.keys { termFrequency[term, default: 0] += 1 }
        for entity in features.entities { entityFrequency[entity.key, default: 0] += 1 }
    }

    public func termIDF(_ term: String) -> Double {
        Self.idf(documents: documents, frequency: termFrequency[term] ?? 0)
    }

    public func entityIDF(_ key: String) -> Double {
        Self.idf(documents: documents, frequency: entityFrequency[key] ?? 0)
    }

    static func idf(documents: Int, frequency: Int) -> Double {
        log(Double(documents + 1) / Double(frequency + 1)) + 1
    }
}

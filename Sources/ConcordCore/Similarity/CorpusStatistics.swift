import Foundation

/// Document frequencies of terms and entities, kept online as articles arrive.
///
/// IDF is `log((N + 1) / (df + 1)) + 1`, so it is defined before any article and for unseen terms.
/// Terms are counted by their interned id (see ``TermVocabulary``).
public struct CorpusStatistics: Sendable, Hashable {
    public private(set) var documents = 0
    private(set) var termFrequency: [Int32] = []
    private(set) var entityFrequency: [String: Int] = [:]

    public init() {}

    /// Statistics read back from a store: `termFrequency[id]` articles hold term `id`.
    public init(documents: Int, termFrequency: [Int32], entityFrequency: [String: Int]) {
        self.documents = documents
        self.termFrequency = termFrequency
        self.entityFrequency = entityFrequency
    }

    /// How many articles hold term `id`.
    public func frequency(ofTerm id: Int32) -> Int {
        Int(id) < termFrequency.count ? Int(termFrequency[Int(id)]) : 0
    }

    /// How many articles mention the entity `key`.
    public func frequency(ofEntity key: String) -> Int { entityFrequency[key] ?? 0 }

    /// Counts one more article.
    public mutating func add(terms: SparseVector, entities: [EntityMention]) {
        documents += 1
        if let maxID = terms.ids.last, Int(maxID) >= termFrequency.count {
            termFrequency.append(contentsOf: repeatElement(0, count: Int(maxID) + 1 - termFrequency.count))
        }
        for id in terms.ids { termFrequency[Int(id)] += 1 }
        for entity in entities { entityFrequency[entity.key, default: 0] += 1 }
    }

    /// Stops counting an article counted by ``add(terms:entities:)`` (an article replaced by a new version).
    public mutating func remove(terms: SparseVector, entities: [EntityMention]) {
        documents -= 1
        for id in terms.ids where Int(id) < termFrequency.count { termFrequency[Int(id)] -= 1 }
        for entity in entities { entityFrequency[entity.key, default: 0] -= 1 }
    }

    public func termIDF(_ id: Int32) -> Double {
        let i = Int(id)
        return Self.idf(documents: documents, frequency: i < termFrequency.count ? Int(termFrequency[i]) : 0)
    }

    public func entityIDF(_ key: String) -> Double {
        Self.idf(documents: documents, frequency: entityFrequency[key] ?? 0)
    }

    static func idf(documents: Int, frequency: Int) -> Double {
        log(Double(documents + 1) / Double(frequency + 1)) + 1
    }
}

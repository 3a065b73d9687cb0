import ConcordCore
import Foundation

/// The labelled pairs the same-event model is fitted on (`concord train`), from the gold datasets folder.
public enum TrainingData {
    /// The datasets, by folder name (`semeval` is `semeval2022_task8_dev/pairs.csv`).
    public static let datasetNames = ["vmds", "allsides_neus", "rpm2_fr", "vlsp2022_abmusu", "semeval"]

    /// The fold of a SemEval pair (scripts/bench-quality computes the same hash in Python).
    public static func fold(of pairID: String, folds: Int) -> Int { Int(StableHash.fnv1a(pairID) % UInt64(folds)) }

    /// A dataset that cannot be read, named for a person.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The labelled pairs of one dataset.
    ///
    /// A clustering set gives every candidate event clustering scores for an article, labelled by whether it
    /// is the article's gold event (`SameEventTraining.clusteringPairs(_:gold:dataset:configuration:)`);
    /// SemEval gives its pairs with Overall <= 1.5 (same event) or >= 3 (different), leaving out fold
    /// `heldOutFold` (K of N) when given.
    public static func pairs(
        of name: String, in directory: String, extractor: FeatureExtractor, embedder: (any TextEmbedder)?,
        configuration: EventClustering.Configuration, heldOutFold: (Int, Int)? = nil
    ) throws -> [LabelledPair] {
        if name == "semeval" {
            let file: PairsFile
            do { file = try PairsFile(path: directory + "/semeval2022_task8_dev/pairs.csv") } catch {
                throw ReadError(description: error.description)
            }
            let assessments = file.assess(extractor: extractor, embedder: embedder, configuration: configuration)
            return zip(file.rows, assessments).compactMap { row, a in
                guard let a else { return nil }
                if let (k, n) = heldOutFold, fold(of: row.pairID, folds: n) == k { return nil }
                guard let overall = row.extra["overall"].flatMap(Double.init) else { return nil }
                if overall <= 1.5 { return LabelledPair(signals: a.signals, label: true, dataset: name) }
                if overall >= 3 { return LabelledPair(signals: a.signals, label: false, dataset: name) }
                return nil
            }
        }
        let folder = directory + "/" + name
        guard
            let file = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted().first(where: {
                $0.hasSuffix(".jsonl")
            })
        else { throw ReadError(description: "\(folder): no .jsonl gold set") }
        var labelled: [(record: InputRecord, gold: String)] = []
        ArticleReader().read([folder + "/" + file]) { item in
            if case .record(let r) = item, let gold = r.goldEvent { labelled.append((r, gold)) }
        }
        let features = extractor.features(of: labelled.map(\.record.article), embeddedBy: embedder)
        let gold = Dictionary(labelled.map { ($0.record.article.id, $0.gold) }, uniquingKeysWith: { a, _ in a })
        return SameEventTraining.clusteringPairs(features, gold: gold, dataset: name, configuration: configuration)
    }
}

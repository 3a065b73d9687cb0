import ConcordCore
import Foundation

/// How a clustering scores against gold labels (`concord eval --format json`).
public struct EvalReport: Codable, Sendable {
    public struct LanguageID: Codable, Sendable {
        public var checked: Int
        public var correct: Int
        public var accuracy: Double
        /// Up to 20 misidentified articles, as `id:guess`.
        public var errors: [String]
    }
    public struct Events: Codable, Sendable {
        public var gold: Int
        public var predicted: Int
    }

    public var bcubed: ClusteringScore.PRF
    public var pairwise: ClusteringScore.PRF
    public var events: Events
    public var articles: Int
    public var rejected: Int
    /// Scores per declared language, when the set has more than one.
    public var perLanguage: [String: ClusteringScore] = [:]
    /// Language identification against the records' declared language.
    public var languageID: LanguageID?

    public init(score: ClusteringScore, rejected: Int) {
        bcubed = score.bcubed
        pairwise = score.pairwise
        events = Events(gold: score.goldEvents, predicted: score.predictedEvents)
        articles = score.articles
        self.rejected = rejected
    }

    /// Scores `predicted` (article id → event) against `gold`, overall and per declared language, and checks
    /// the language identifier on the records that declare a language.
    public init(
        records: [InputRecord], gold: [String: String], predicted: [String: String], rejected: Int,
        languageIdentifier: any LanguageIdentifier
    ) {
        self.init(score: ClusteringScore(gold: gold, predicted: predicted), rejected: rejected)
        var byLanguage: [String: [String]] = [:]
        for r in records { byLanguage[r.article.declaredLanguage ?? "und", default: []].append(r.article.id) }
        if byLanguage.count > 1 {
            for (lang, ids) in byLanguage {
                let g = Dictionary(ids.compactMap { id in gold[id].map { (id, $0) } }, uniquingKeysWith: { a, _ in a })
                perLanguage[lang] = ClusteringScore(gold: g, predicted: predicted)
            }
        }
        let declared = records.filter { $0.article.declaredLanguage != nil }
        guard !declared.isEmpty else { return }
        let extractor = FeatureExtractor(languageIdentifier: languageIdentifier)
        var correct = 0
        var wrong: [String] = []
        for r in declared {
            let (title, text) = extractor.normalized(r.article)
            let guess = languageIdentifier.identify(title + "\n" + text)?.code ?? "und"
            if guess == r.article.declaredPrimaryLanguage {
                correct += 1
            } else {
                wrong.append("\(r.article.id):\(guess)")
            }
        }
        languageID = LanguageID(
            checked: declared.count, correct: correct, accuracy: Double(correct) / Double(declared.count),
            errors: Array(wrong.prefix(20)))
    }
}

/// The plain alternative's scores at one threshold (`concord eval --baseline`): e5 embeddings clustered by
/// average link, cut at a cosine distance.
public struct BaselineRow: Codable, Sendable {
    public var threshold: Double
    public var bcubed: ClusteringScore.PRF
    public var pairwise: ClusteringScore.PRF
    public var events: EvalReport.Events

    /// The baseline at every threshold from 0.02 to 0.30, step 0.0025, over one dendrogram.
    public static func sweep(_ vectors: [[Float]], ids: [String], gold: [String: String]) -> [BaselineRow] {
        let merges = AverageLinkClustering.dendrogram(vectors)
        return (0...112).map { step in
            let threshold = 0.02 + Double(step) * 0.0025
            let labels = AverageLinkClustering.cut(merges, count: vectors.count, threshold: threshold)
            var predicted: [String: String] = [:]
            for (id, label) in zip(ids, labels) { predicted[id] = String(label) }
            let score = ClusteringScore(gold: gold, predicted: predicted)
            return BaselineRow(
                threshold: (threshold * 10_000).rounded() / 10_000, bcubed: score.bcubed, pairwise: score.pairwise,
                events: EvalReport.Events(gold: score.goldEvents, predicted: score.predictedEvents))
        }
    }
}

import Foundation

/// Scores whether two profiles (article–event, article–article or event–event) report the same event.
///
/// The score is a logistic function of a weighted sum of ``PairSignals``; it is transparent: every
/// contribution is kept in the ``Assessment`` so a person can check why.
public struct SameEventScorer: Sendable {
    /// Weights of the logit. Defaults were set on the dev sets (vmds, allsides_neus, rpm2_fr); see the README.
    public struct Configuration: Sendable {
        /// The logit's constant when both sides have embeddings.
        public var bias = -2.0
        public var lexicalWeight = 10.0
        /// Without embeddings (no encoder, `--no-embedding`), these replace `bias` and `lexicalWeight`.
        public var biasWithoutEmbedding = -4.2
        public var lexicalWeightWithoutEmbedding = 14.0
        public var entityWeight = 3.0
        /// Used instead of `entityWeight` when there is no same-language text to compare.
        public var crossLingualEntityWeight = 6.0
        public var embeddingWeight = 40.0
        /// Mean embedding cosine at which the embedding is neutral; below it counts against a match.
        public var embeddingCenter = 0.89
        /// Across languages (no same-language text on the other side) cosines run lower: on the SemEval dev
        /// pairs the median for "same story" pairs is 0.873 across languages vs 0.928 within one, and 0.797
        /// vs 0.833 for unrelated pairs. These replace `embeddingCenter` and `bias` there.
        public var crossLingualEmbeddingCenter = 0.84
        public var crossLingualBias = -1.0
        public var dateWeight = 1.0
        public var dateConflictWeight = 2.5
        public var scoreWeight = 1.0
        public var scoreConflictWeight = 3.0
        public var quantityWeight = 0.8
        /// Penalty per log-day of gap beyond `gapGrace`.
        public var gapWeight = 1.2
        public var gapGrace = 1.0
        /// Two text-derived event dates closer than this (days) agree; further apart they conflict. Default 0.5:
        /// different days conflict.
        public var dateTolerance = 0.5
        /// Join when the probability reaches this. Default 0.5.
        public var threshold = 0.5
        public init() {}
    }

    /// A scored comparison.
    public struct Assessment: Sendable, Hashable, Codable {
        public var signals: PairSignals
        /// Each signal's contribution to the logit, by name.
        public var contributions: [String: Double]
        /// The same-event probability (0...1).
        public var probability: Double
    }

    public var configuration: Configuration

    public init(configuration: Configuration = .init()) { self.configuration = configuration }

    /// Compares `a` (usually the new article) with `b` (usually an event).
    ///
    /// - Complexity: O(t + e) in the terms and entities of both sides.
    public func assess(_ a: EventProfile, _ b: EventProfile, statistics: CorpusStatistics) -> Assessment {
        let s = signals(a, b, statistics: statistics)
        let c = configuration
        let embedded = s.embedding != nil
        let crossLingual = s.lexical == nil
        var contributions: [String: Double] = [
            "bias": embedded ? (crossLingual ? c.crossLingualBias : c.bias) : c.biasWithoutEmbedding
        ]
        if let lex = s.lexical {
            contributions["lexical"] = (embedded ? c.lexicalWeight : c.lexicalWeightWithoutEmbedding) * lex
        }
        if let ent = s.entities {
            contributions["entities"] = (s.lexical == nil ? c.crossLingualEntityWeight : c.entityWeight) * ent
        }
        if let emb = s.embedding {
            let center = crossLingual ? c.crossLingualEmbeddingCenter : c.embeddingCenter
            contributions["embedding"] = c.embeddingWeight * (emb - center)
        }
        if s.dates > 0 { contributions["dates"] = c.dateWeight * s.dates }
        if s.dates < 0 { contributions["dates"] = c.dateConflictWeight * s.dates }
        if s.scores > 0 { contributions["scores"] = c.scoreWeight * s.scores }
        if s.scores < 0 { contributions["scores"] = c.scoreConflictWeight * s.scores }
        if s.quantities > 0 { contributions["quantities"] = c.quantityWeight * s.quantities }
        if let gap = s.gapDays, gap > c.gapGrace { contributions["gap"] = -c.gapWeight * log(gap / c.gapGrace) }
        let logit = contributions.keys.sorted().reduce(0.0) { $0 + contributions[$1, default: 0] }
        return Assessment(signals: s, contributions: contributions, probability: 1 / (1 + exp(-logit)))
    }

    /// The raw signals between two profiles.
    public func signals(_ a: EventProfile, _ b: EventProfile, statistics: CorpusStatistics) -> PairSignals {
        var s = PairSignals()
        s.lexical = lexical(a, b, statistics: statistics)
        entityOverlap(a, b, statistics: statistics, into: &s)
        if let ea = a.embeddingSum, let eb = b.embeddingSum, a.embeddingCount > 0, b.embeddingCount > 0 {
            // Average link: the mean cosine between the members' unit embeddings.
            s.embedding = Self.dot(ea, eb) / Double(a.embeddingCount * b.embeddingCount)
        }
        dateAgreement(a, b, into: &s)
        numberAgreement(a, b, into: &s)
        if let da = a.daySpan, let db = b.daySpan {
            s.gapDays = da.overlaps(db) ? 0 : min(abs(da.lowerBound - db.upperBound), abs(db.lowerBound - da.upperBound))
        }
        return s
    }

    /// Average-link lexical similarity: the mean cosine between members of `a` and members of `b`
    /// written in the same language (best language), from the sums of their unit TF-IDF vectors.
    func lexical(_ a: EventProfile, _ b: EventProfile, statistics: CorpusStatistics) -> Double? {
        var best: Double?
        for (lang, bagA) in a.terms {
            guard let bagB = b.terms[lang], let na = a.languages[lang], let nb = b.languages[lang], na > 0, nb > 0
            else { continue }
            let mean = bagA.dot(bagB) / Double(na * nb)
            best = max(best ?? 0, mean)
        }
        return best
    }

    func entityOverlap(_ a: EventProfile, _ b: EventProfile, statistics: CorpusStatistics, into s: inout PairSignals) {
        guard !a.entities.isEmpty, !b.entities.isEmpty else { return }
        var dot = 0.0, na = 0.0, nb = 0.0
        var shared: [(String, Double)] = []
        var only: [(String, Double)] = []
        let ca = Double(a.count), cb = Double(b.count)
        for (key, n) in a.entities {
            let idf = statistics.entityIDF(key)
            let x = idf * Double(n) / ca
            na += x * x
            if let m = b.entities[key] {
                dot += x * idf * Double(m) / cb
                shared.append((a.entityNames[key] ?? key, idf))
            } else if Double(n) / ca >= 0.5 {
                only.append((a.entityNames[key] ?? key, idf))
            }
        }
        for (key, m) in b.entities {
            let y = statistics.entityIDF(key) * Double(m) / cb
            nb += y * y
        }
        s.entities = dot / (na.squareRoot() * nb.squareRoot())
        s.sharedEntities = shared.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(8).map(\.0)
        s.onlyInArticle = only.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(5).map(\.0)
    }

    func dateAgreement(_ a: EventProfile, _ b: EventProfile, into s: inout PairSignals) {
        guard let da = a.medianTextDate, let db = b.medianTextDate else { return }
        let gap = abs(da - db)
        if gap <= configuration.dateTolerance {
            s.dates = 1
            s.notes.append("event dates agree (\(Self.day(da)) ~ \(Self.day(db)))")
        } else {
            s.dates = -min(3, log2(gap / configuration.dateTolerance))
            s.notes.append("event dates conflict (\(Self.day(da)) vs \(Self.day(db)), \(Int(gap)) days)")
        }
    }

    func numberAgreement(_ a: EventProfile, _ b: EventProfile, into s: inout PairSignals) {
        if !a.scores.isEmpty, !b.scores.isEmpty {
            let shared = Set(a.scores.keys).intersection(b.scores.keys)
            if shared.isEmpty {
                s.scores = -1
                s.notes.append("scores differ (\(a.scores.keys.sorted().joined(separator: ", ")) vs \(b.scores.keys.sorted().joined(separator: ", ")))")
            } else {
                s.scores = 1
                s.notes.append("same score \(shared.sorted().joined(separator: ", "))")
            }
        }
        if !a.quantities.isEmpty, !b.quantities.isEmpty {
            let shared = Set(a.quantities.keys).intersection(b.quantities.keys)
            s.quantities = Double(shared.count) / Double(min(a.quantities.count, b.quantities.count))
            if !shared.isEmpty { s.notes.append("shared numbers \(shared.sorted().prefix(4).joined(separator: ", "))") }
        }
    }

    static func dot(_ a: [Float], _ b: [Float]) -> Double {
        var sum: Float = 0
        for i in 0..<min(a.count, b.count) { sum += a[i] * b[i] }
        return Double(sum)
    }

    static func day(_ d: Double) -> String { CalendarDays.isoString(Int(d.rounded(.down))) }
}

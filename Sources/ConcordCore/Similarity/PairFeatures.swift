import Foundation

/// The numeric inputs of the same-event model, derived from ``PairSignals``.
///
/// Computed the same way for an article–article, article–event and event–event comparison (an article
/// is an event of one; see ``EventProfile``). Every feature is 0 when its signal is unknown, and an
/// indicator says when it is unknown, so the model never confuses "absent" with "disagrees".
public struct PairFeatures: Sendable, Hashable {
    /// One model input.
    public enum Feature: String, Sendable, CaseIterable, Codable {
        /// Mean cosine of the members' dense embeddings (title + lead), within one language.
        case embedding
        /// The same cosine when the sides share no language (cross-lingual cosines run lower).
        case embeddingCrossLingual
        /// TF-IDF cosine of stems in the shared language (0 across languages).
        case lexical
        /// IDF-weighted cosine of folded entity names, within one language.
        case entities
        /// The same when the sides share no language (then names are the main textual link).
        case entitiesCrossLingual
        /// 1 when either side has no entity.
        case noEntities
        /// IDF-weighted share of one side's distinctive entities the other lacks (different people or places).
        case distinctiveMissing
        /// 1 when the text-derived event dates agree.
        case datesAgree
        /// log2 of the distance between text-derived event dates over the tolerance, capped at 3 (0 if agree/unknown).
        case datesConflict
        /// 1 when both state the same score (`2-1`).
        case scoresAgree
        /// 1 when both state scores and none is shared.
        case scoresConflict
        /// Share of quantities (>= 10) stated by both.
        case quantitiesShared
        /// 1 when both state quantities and none is shared.
        case quantitiesConflict
        /// log(1 + days between the sides' anchor days) − log 2: below 0 within a day, above beyond;
        /// 0 (neutral) when either side is undated.
        case gap
        /// log(1 + hours between publication times) − log 25: below 0 within a day, above beyond; 0 (neutral)
        /// when either side has no publication time.
        case publishedGap
        /// 1 when the sides share no language.
        case crossLingual
        /// log(1 + distinct terms) of the shorter side, divided by 5 (short texts have noisier cosines).
        case length
    }

    public static let names: [String] = Feature.allCases.map(\.rawValue)

    /// The sign a feature's weight must have, so that the model reads every piece of evidence the way a
    /// person would (agreement never counts against a match, conflict never for it); 0 when free.
    public static func expectedSign(_ f: Feature) -> Double {
        switch f {
        case .embedding, .embeddingCrossLingual, .lexical, .entities, .entitiesCrossLingual, .datesAgree, .scoresAgree,
            .quantitiesShared:
            return 1
        case .distinctiveMissing, .datesConflict, .scoresConflict, .quantitiesConflict, .gap, .publishedGap,
            .crossLingual:
            // Having no language in common is never evidence for a match (its weight would otherwise learn
            // the base rate of the only cross-lingual training set).
            return -1
        case .noEntities, .length:
            return 0
        }
    }

    /// The values, in `Feature.allCases` order.
    public var values: [Double]

    public init(_ s: PairSignals) {
        var v = [Double](repeating: 0, count: Feature.allCases.count)
        func set(_ f: Feature, _ x: Double) { v[Self.index(f)] = x }
        let cross = s.isCrossLingual
        if let e = s.embedding { set(cross ? .embeddingCrossLingual : .embedding, e) }
        set(.lexical, s.lexical ?? 0)
        if let e = s.entities { set(cross ? .entitiesCrossLingual : .entities, e) } else { set(.noEntities, 1) }
        set(.distinctiveMissing, s.distinctiveMissing ?? 0)
        if s.dates > 0 { set(.datesAgree, 1) }
        if s.dates < 0 { set(.datesConflict, -s.dates) }
        if s.scores > 0 { set(.scoresAgree, 1) }
        if s.scores < 0 { set(.scoresConflict, 1) }
        if let q = s.quantities {
            set(.quantitiesShared, q)
            if q == 0 { set(.quantitiesConflict, 1) }
        }
        if let g = s.gapDays { set(.gap, log1p(g) - log(2)) }
        if let h = s.publishedGapHours { set(.publishedGap, log1p(h) - log(25)) }
        if cross { set(.crossLingual, 1) }
        set(.length, log1p(s.terms) / 5)
        values = v
    }

    public subscript(_ f: Feature) -> Double { values[Self.index(f)] }

    /// The position of a feature in ``values``.
    static func index(_ f: Feature) -> Int { position[f] ?? 0 }

    static let position: [Feature: Int] = Dictionary(
        uniqueKeysWithValues: Feature.allCases.enumerated().map { ($1, $0) })
}

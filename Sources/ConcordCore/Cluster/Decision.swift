import Foundation

/// Why an article was put where it was: the event it joined or opened, the best candidate and its
/// signals, and the threshold.
public struct Decision: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Joined an existing event.
        case joined
        /// Opened a new event.
        case created
        /// The same content was already stored under another id; nothing changed.
        case duplicate
    }

    public var articleID: String
    public var kind: Kind
    /// The event the article belongs to after the decision.
    public var eventID: EventID
    /// The best-scoring candidate event (the joined one, or the best rejected one).
    public var bestCandidate: EventID?
    /// The assessment against the best candidate.
    public var assessment: SameEventScorer.Assessment?
    /// The runner-up candidate and its probability.
    public var runnerUp: EventID?
    public var runnerUpProbability: Double?
    /// How many candidate events were scored.
    public var candidates: Int
    /// The join threshold that applied (the best candidate's language pair); nil without a candidate.
    public var threshold: Double?
    /// For duplicates: the article already stored with the same content.
    public var duplicateOf: String?

    /// A sentence a person can check.
    public var summary: String {
        switch kind {
        case .duplicate:
            return "\(articleID) has the same content as \(duplicateOf ?? "?"); kept once"
        case .joined, .created:
            var s =
                kind == .joined
                ? "\(articleID) joined \(eventID)" : "\(articleID) opened \(eventID)"
            if let a = assessment, let best = bestCandidate {
                let p = Explanation.format(a.probability, digits: 3)
                let t = Explanation.format(a.threshold, digits: 3)
                s +=
                    kind == .joined
                    ? " with p=\(p) >= \(t) (\(a.signals.languagePair))"
                    : "; best candidate \(best) had p=\(p) < \(t) (\(a.signals.languagePair))"
                s += " [" + Explanation.carriers(a) + "]"
            } else if kind == .created {
                s += "; no candidate event in the time window shared its terms or entities"
            }
            return s
        }
    }
}

/// A merge of two events by the merge pass.
public struct MergeRecord: Sendable, Hashable, Codable {
    public var survivor: EventID
    public var absorbed: EventID
    public var assessment: SameEventScorer.Assessment

    public var summary: String {
        "\(absorbed) merged into \(survivor) with p=\(Explanation.format(assessment.probability, digits: 3)) ["
            + Explanation.carriers(assessment) + "]"
    }
}

/// Words for assessments.
public enum Explanation {
    /// The contributions that carried an assessment, strongest first, e.g.
    /// `lexical +3.1, entities +1.2 (Hun Sen, CNRP), gap -0.8 (3 days)`.
    public static func carriers(_ a: SameEventScorer.Assessment) -> String {
        let parts = a.contributions.filter { $0.key != "bias" && abs($0.value) >= 0.05 }
            .sorted { abs($0.value) != abs($1.value) ? abs($0.value) > abs($1.value) : $0.key < $1.key }
            .map { key, value -> String in
                var s = "\(key) \(value >= 0 ? "+" : "")\(format(value))"
                switch key {
                case "lexical": s += " (cos \(format(a.signals.lexical ?? 0)))"
                case "embedding", "embeddingCrossLingual": s += " (cos \(format(a.signals.embedding ?? 0)))"
                case "entities",
                    "entitiesCrossLingual" where !a.signals.sharedEntities.isEmpty:
                    s += " (" + a.signals.sharedEntities.prefix(4).joined(separator: ", ") + ")"
                case "distinctiveMissing" where !a.signals.onlyInArticle.isEmpty:
                    s += " (only one side: " + a.signals.onlyInArticle.prefix(4).joined(separator: ", ") + ")"
                case "gap": s += " (\(format(a.signals.gapDays ?? 0)) days)"
                default: break
                }
                return s
            }
        var text = parts.isEmpty ? "no signal" : parts.joined(separator: ", ")
        if !a.signals.notes.isEmpty { text += "; " + a.signals.notes.joined(separator: "; ") }
        return text
    }

    public static func format(_ x: Double, digits: Int = 2) -> String {
        let scale = pow(10, Double(digits))
        return String((x * scale).rounded() / scale)
    }
}

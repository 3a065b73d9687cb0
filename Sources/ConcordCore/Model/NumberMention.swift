/// A number an article states: a score (`1-1`, `2–0`) or a count with a unit (`5.000 người`, `40 morts`).
public struct NumberMention: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A score or result `a-b`.
        case score
        /// A quantity, optionally with a unit word following it.
        case quantity
    }

    public var kind: Kind
    /// The text as it stands in the article.
    public var text: String
    /// The value (for a score, the first side).
    public var value: Double
    /// For a score, the second side.
    public var second: Double?
    /// For a quantity, the lower-cased unit word that follows it, if any (`người`, `morts`, `km`).
    public var unit: String?

    public init(kind: Kind, text: String, value: Double, second: Double? = nil, unit: String? = nil) {
        self.kind = kind
        self.text = text
        self.value = value
        self.second = second
        self.unit = unit
    }

    /// A key that two mentions of the same number share across languages.
    ///
    /// Scores are order-free (`2-1` and `1-2` report the same result from two sides).
    public var key: String {
        switch kind {
        case .score:
            let a = value, b = second ?? 0
            return "score:\(Self.format(min(a, b)))-\(Self.format(max(a, b)))"
        case .quantity:
            return "n:\(Self.format(value))"
        }
    }

    static func format(_ v: Double) -> String {
        v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}

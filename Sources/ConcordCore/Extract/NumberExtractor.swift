/// Finds scores and quantities in article text.
///
/// Scores: `1-1`, `2–0`, `102-98` (each side at most three digits, not part of a longer chain such as
/// `4-3-3` or a date), and `2:1` only when both sides are single digits (`19:30` is a time). A range
/// followed by a count word (`10-15 người`, `3-4 days`) is two quantities, not a score.
///
/// Quantities: a number, optionally scaled by a multiplier word (`5 triệu`, `3,5 millions`, `$5 million`),
/// with the word that follows as its unit (`40.000 người`, `12 morti`, `20 km`, `1.200 Menschen`), a
/// percent sign or word (`50%`, `50 phần trăm`) as unit `%`, or a currency symbol as unit (`usd`, `eur`).
/// Separators follow the language: English groups thousands with `,` and marks decimals with `.`; the
/// other languages group with `.` (or a space, as in French `40 000`) and mark decimals with `,`. A `.`
/// followed by one or two digits is a decimal point in every language (`3.5 độ`).
///
/// Left out, because they are noise for matching events: numbers inside dates found by ``DateExtractor``,
/// times (`19:30`, `19h30`, `7 Uhr`), bare 4-digit years (1900-2099 without separators, unit, or percent),
/// fractions and ratios (`1/2`, `24/7`), labels and ordinals (`số 5`, `thứ 2`, `No. 5`), numbers glued to
/// letters (`COVID-19`, `G7`, `A320`, `5G`), zero-padded numbers (`09`, phone numbers), and single-digit
/// numbers with no unit.
///
/// ```swift
/// NumberExtractor().mentions(in: "Hà Nội thắng 2-1, khoảng 40.000 người", language: "vi")
/// // [score 2-1, quantity 40000 "người"]
/// ```
public struct NumberExtractor: Sendable {
    public init() {}

    /// The scores and quantities in a text, in text order.
    ///
    /// - Parameters:
    ///   - text: The article text.
    ///   - language: An ISO 639-1 code such as `vi` or `en-US`; nil when unknown (then `.` or `,` followed by
    ///     exactly three digits groups thousands, and otherwise marks decimals).
    /// - Returns: The mentions found.
    /// - Complexity: O(n) in the length of the text.
    public func mentions(in text: String, language: String?) -> [NumberMention] {
        let tokens = ExtractToken.tokenize(text)
        var covered = [Bool](repeating: false, count: tokens.count)
        for range in DateExtractor().dateTokenRanges(in: tokens, language: language) {
            for index in range { covered[index] = true }
        }
        let code = language.map { String($0.lowercased().prefix(2)) } ?? ""
        let reader = NumberReader(tokens: tokens, covered: covered, style: .init(code: code), text: text)
        var results: [NumberMention] = []
        var index = 0
        while index < tokens.count {
            if let (found, end) = reader.read(at: index) {
                results.append(contentsOf: found)
                index = max(end, index + 1)
            } else {
                index += 1
            }
        }
        return results
    }
}

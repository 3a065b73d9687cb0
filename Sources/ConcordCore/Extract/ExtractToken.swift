/// A token of article text as the date and number extractors see it: a word, a run of ASCII digits, or
/// one other character.
///
/// Unlike ``WordTokenizer``, punctuation is kept (one token per character) and every token records the
/// space before it, so patterns can tell `7/11` (joined) from `7 / 11`, and `40 000` (a French thousands
/// group) from `40, 000`.
struct ExtractToken: Sendable {
    enum Kind: Sendable {
        /// A run of letters (with their combining marks).
        case word
        /// A run of ASCII digits.
        case number
        /// Any other single non-space character.
        case symbol
    }

    /// What separates a token from the one before it.
    enum Gap: Sendable {
        /// Nothing: the tokens touch (`7` and `/` in `7/11`).
        case none
        /// Ordinary spaces or tabs.
        case space
        /// Only no-break or thin spaces (French thousands separators).
        case fixed
        /// A line break (or the start of the text).
        case line
    }

    var kind: Kind
    var text: Substring
    /// The lower-cased text (words only; digits and symbols as they are).
    var lower: String
    var gap: Gap
    var range: Range<String.Index>

    /// True when the first character is upper-case (`November`, `Montag`).
    var isCapitalized: Bool { text.first?.isUppercase ?? false }
    /// True when the token touches the previous one.
    var isJoined: Bool { gap == .none }
    /// The integer value of a number token (nil for other kinds or absurdly long runs).
    var intValue: Int? { kind == .number && text.count <= 9 ? Int(text) : nil }

    /// Splits a text into tokens.
    ///
    /// - Complexity: O(n) in the length of the text.
    static func tokenize(_ text: String) -> [ExtractToken] {
        var tokens: [ExtractToken] = []
        var index = text.startIndex
        var gap = Gap.line
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                if character.isNewline {
                    gap = .line
                } else if gap != .line, gap != .space {
                    let fixed = character == "\u{00A0}" || character == "\u{202F}" || character == "\u{2009}"
                    gap = fixed ? .fixed : .space
                }
                index = text.index(after: index)
                continue
            }
            let kind: Kind
            var end = text.index(after: index)
            if character.isASCII, character.isNumber {
                kind = .number
                while end < text.endIndex, text[end].isASCII, text[end].isNumber { end = text.index(after: end) }
            } else if character.isLetter {
                kind = .word
                while end < text.endIndex, text[end].isLetter { end = text.index(after: end) }
            } else {
                kind = .symbol
            }
            let slice = text[index..<end]
            let lower = kind == .word ? slice.lowercased() : String(slice)
            tokens.append(ExtractToken(kind: kind, text: slice, lower: lower, gap: gap, range: index..<end))
            gap = .none
            index = end
        }
        return tokens
    }
}

extension Array where Element == ExtractToken {
    /// The token at `index`, or nil past either end.
    func token(at index: Int) -> ExtractToken? {
        indices.contains(index) ? self[index] : nil
    }

    /// True when token `index` is a word whose lower-cased text is in `words`.
    func isWord(_ index: Int, in words: Set<String>) -> Bool {
        guard let found = token(at: index), found.kind == .word else { return false }
        return words.contains(found.lower)
    }

    /// True when token `index` is the symbol `symbol`.
    func isSymbol(_ index: Int, _ symbol: Character) -> Bool {
        guard let found = token(at: index), found.kind == .symbol else { return false }
        return found.text.first == symbol
    }
}

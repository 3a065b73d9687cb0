/// Splits text into lower-case word tokens by Unicode properties.
///
/// Letters, combining marks and digits make words; anything else separates them. Scripts written
/// without spaces (Han, Kana, Thai, Lao, Khmer, Myanmar) give overlapping character bigrams, so that
/// they still share terms with other texts in the same language.
public struct WordTokenizer: Sendable {
    public init() {}

    /// The tokens of `text`, lower-cased, in order.
    ///
    /// - Complexity: O(n) in the number of Unicode scalars.
    public func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var word = String.UnicodeScalarView()
        var unspaced: [Unicode.Scalar] = []

        func flushWord() {
            if !word.isEmpty {
                result.append(String(word).lowercased())
                word = String.UnicodeScalarView()
            }
        }
        func flushUnspaced() {
            if unspaced.count == 1 {
                result.append(String(Character(unspaced[0])))
            } else if unspaced.count > 1 {
                for i in 0..<(unspaced.count - 1) {
                    var s = String.UnicodeScalarView()
                    s.append(unspaced[i])
                    s.append(unspaced[i + 1])
                    result.append(String(s))
                }
            }
            unspaced.removeAll(keepingCapacity: true)
        }

        for scalar in text.unicodeScalars {
            if Self.isUnspacedScript(scalar) {
                flushWord()
                unspaced.append(scalar)
            } else if Self.isWordScalar(scalar) {
                flushUnspaced()
                word.append(scalar)
            } else {
                flushWord()
                flushUnspaced()
            }
        }
        flushWord()
        flushUnspaced()
        return result
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return true
        default: return false
        }
    }

    static func isUnspacedScript(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true  // Kana, Han
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF:
            return true  // Thai, Lao, Myanmar, Khmer
        default:
            return false
        }
    }
}

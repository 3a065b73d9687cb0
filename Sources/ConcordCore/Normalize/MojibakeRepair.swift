/// Repairs UTF-8 text that was decoded as Latin-1 or Windows-1252 ("mojibake").
///
/// A feed that reads UTF-8 bytes as Windows-1252 turns `Città` into `CittÃ `, `’` into `â€™` and
/// `Việt` into `Viá»‡t`. `repair(_:)` maps each suspicious run of characters back to the bytes they
/// came from and decodes those bytes as UTF-8 again, one sequence at a time, so a text that is only
/// partly damaged is repaired only where it is damaged.
///
/// A sequence is replaced only when all of these hold:
/// - its characters map to a UTF-8 lead byte (`Â`...`ô`) followed by the right number of continuation
///   bytes (`€`, `™`, `©`, `»`, C1 controls ...), and the bytes decode to one valid scalar;
/// - the decoded scalar is assigned, not a control, private-use or surrogate code point; a two-byte
///   sequence must decode into a script that real mojibake comes from (Latin-1 supplement, Latin
///   Extended-A/B, Greek, Cyrillic, Hebrew letters, Arabic), which keeps `SPÖ’s` and `«ÉTÉ»` intact;
/// - an *ambiguous* sequence (an upper-case letter preceded by two upper-case letters, followed by
///   punctuation or a no-break space, as in `AMANHÃ…` or `CAFÉ…`) is repaired only when the same text
///   contains at least one unambiguous repair;
/// - a three-byte sequence that decodes to something other than Latin Extended Additional, punctuation,
///   currency or letter-like symbols (CJK, Indic ...) is repaired only next to another repair: real
///   Chinese mojibake comes in runs, while French `partagé »` (é, no-break space, ») stays as it is.
///
/// `1⁄4`, `1⁄2`, `3⁄4` count as the bytes of `¼`, `½`, `¾`, which NFKC-normalizing feeds produce
/// (`fÃ1⁄4r` → `für`).
///
/// The pass is repeated (at most three times) to undo double encoding (`Ãƒâ€ž` → `Ã„` → `Ä`).
/// A lone `Ã` followed by a plain space after a lower-case letter is read as `à` whose no-break space
/// byte was turned into a space by a later cleanup (`CittÃ ` → `Città`).
///
/// Correct text is returned unchanged: `Città`, `Ελλάδα`, `Việt Nam`, `naïve`, `SÃO PAULO`.
///
/// ```swift
/// MojibakeRepair.repair("Viá»‡t Nam â€™")   // "Việt Nam ’"
/// ```
public enum MojibakeRepair {
    /// Returns `s` with Latin-1/Windows-1252 mojibake sequences decoded back to the intended text.
    ///
    /// - Parameter s: Text that may contain mojibake.
    /// - Returns: The repaired text, or `s` itself when nothing needed repair.
    /// - Complexity: O(n) in the number of Unicode scalars, times at most three passes.
    public static func repair(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { (0xC2...0xF4).contains($0.value) }) else { return s }
        var scalars = Array(s.unicodeScalars)
        for _ in 0..<3 {
            guard let repaired = repairPass(scalars) else { break }
            scalars = repaired
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// One candidate replacement found during a pass.
    private struct Candidate {
        var start: Int
        var length: Int
        var replacement: [Unicode.Scalar]
        var isAmbiguous: Bool
        /// Accepted only next to another accepted candidate (an isolated non-Latin character decoded
        /// from a three-byte sequence, as in French `partagé »`, is more likely correct text).
        var needsNeighbor: Bool = false
    }

    /// Runs one repair pass; returns `nil` when nothing changed.
    private static func repairPass(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var candidates: [Candidate] = []
        var index = 0
        while index < scalars.count {
            if let candidate = candidate(at: index, in: scalars) {
                candidates.append(candidate)
                index += candidate.length
            } else {
                index += 1
            }
        }
        let hasClearRepair = candidates.contains { !$0.isAmbiguous && !$0.needsNeighbor }
        var accepted = candidates.filter { hasClearRepair || !$0.isAmbiguous }
        accepted = accepted.enumerated().filter { offset, candidate in
            guard candidate.needsNeighbor else { return true }
            let touchesPrevious =
                offset > 0
                && accepted[offset - 1].start + accepted[offset - 1].length == candidate.start
            let touchesNext =
                offset + 1 < accepted.count
                && candidate.start + candidate.length == accepted[offset + 1].start
            return touchesPrevious || touchesNext
        }.map(\.element)
        guard !accepted.isEmpty else { return nil }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var position = 0
        for candidate in accepted {
            output.append(contentsOf: scalars[position..<candidate.start])
            output.append(contentsOf: candidate.replacement)
            position = candidate.start + candidate.length
        }
        output.append(contentsOf: scalars[position...])
        return output
    }

    /// Finds a repairable sequence starting at `index`, if any.
    private static func candidate(at index: Int, in scalars: [Unicode.Scalar]) -> Candidate? {
        guard let lead = byte(for: scalars[index]), (0xC2...0xF4).contains(lead) else { return nil }
        if let spaced = lostNoBreakSpace(at: index, in: scalars) { return spaced }
        let byteCount = lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4)
        var bytes: [UInt8] = [lead]
        var position = index + 1
        while bytes.count < byteCount {
            guard let (next, width) = continuation(at: position, in: scalars) else { return nil }
            bytes.append(next)
            position += width
        }
        guard let decoded = decode(bytes), isPlausible(decoded, byteCount: byteCount) else { return nil }
        let ambiguous = byteCount == 2 && isAmbiguous(at: index, in: scalars)
        let isolatedRisk = byteCount == 3 && !isLatinOrPunctuation(decoded)
        return Candidate(
            start: index, length: position - index, replacement: [decoded], isAmbiguous: ambiguous,
            needsNeighbor: isolatedRisk
        )
    }

    /// `Ã` + plain space after a lower-case letter: an `à` whose no-break-space byte became a space.
    private static func lostNoBreakSpace(at index: Int, in scalars: [Unicode.Scalar]) -> Candidate? {
        guard scalars[index] == "Ã", index > 0, index + 1 < scalars.count, scalars[index + 1] == " ",
            scalars[index - 1].properties.isLowercase
        else { return nil }
        var replacement: [Unicode.Scalar] = ["à"]
        if index + 2 < scalars.count, isLetterOrDigit(scalars[index + 2]) { replacement.append(" ") }
        return Candidate(start: index, length: 2, replacement: replacement, isAmbiguous: false)
    }

    /// The continuation byte at `index` and how many scalars it takes: one, or three for `1⁄4`, `1⁄2`,
    /// `3⁄4`, which is what compatibility normalization (NFKC) makes of the bytes `¼`, `½`, `¾`.
    private static func continuation(at index: Int, in scalars: [Unicode.Scalar]) -> (UInt8, Int)? {
        guard index < scalars.count else { return nil }
        if let next = byte(for: scalars[index]), (0x80...0xBF).contains(next) { return (next, 1) }
        guard index + 2 < scalars.count, scalars[index + 1] == "\u{2044}" else { return nil }
        switch (scalars[index], scalars[index + 2]) {
        case ("1", "4"): return (0xBC, 3)
        case ("1", "2"): return (0xBD, 3)
        case ("3", "4"): return (0xBE, 3)
        default: return nil
        }
    }

    /// True when a two-byte sequence could be legitimate all-caps text followed by punctuation or a
    /// no-break space (`AMANHÃ…`, `CAFÉ »`).
    private static func isAmbiguous(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let next = scalars[index + 1]
        guard index >= 2, isPunctuation(next) || next == "\u{A0}" else { return false }
        return scalars[index - 1].properties.isUppercase && scalars[index - 2].properties.isUppercase
    }

    /// Decodes a complete UTF-8 sequence of two to four bytes into one scalar, rejecting overlong forms.
    private static func decode(_ bytes: [UInt8]) -> Unicode.Scalar? {
        let value: UInt32
        switch bytes.count {
        case 2:
            value = UInt32(bytes[0] & 0x1F) << 6 | UInt32(bytes[1] & 0x3F)
        case 3:
            value = UInt32(bytes[0] & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
            guard value >= 0x800 else { return nil }
        default:
            value =
                UInt32(bytes[0] & 0x07) << 18 | UInt32(bytes[1] & 0x3F) << 12
                | UInt32(bytes[2] & 0x3F) << 6 | UInt32(bytes[3] & 0x3F)
            guard (0x10000...0x10FFFF).contains(value) else { return nil }
        }
        return Unicode.Scalar(value)
    }

    /// Whether a decoded scalar is something a real text would contain.
    private static func isPlausible(_ scalar: Unicode.Scalar, byteCount: Int) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .unassigned, .privateUse, .surrogate: return false
        default: break
        }
        guard byteCount == 2 else { return true }
        switch scalar.value {
        case 0x00A0...0x024F, 0x0370...0x03FF, 0x0400...0x052F, 0x05D0...0x05F4, 0x0600...0x06FF: return true
        default: return false
        }
    }

    /// Latin Extended Additional (Vietnamese), general punctuation, currency and letter-like symbols:
    /// three-byte results that real mojibake produces one at a time (`á»‡` → `ệ`, `â€™` → `’`).
    private static func isLatinOrPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1E00...0x1EFF, 0x2000...0x206F, 0x20A0...0x20CF, 0x2100...0x214F: return true
        default: return false
        }
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The byte a scalar stands for when UTF-8 was decoded as Windows-1252 or Latin-1, if any.
    ///
    /// U+0080...U+00FF map to themselves (Latin-1, including C1 controls for the five bytes
    /// Windows-1252 leaves undefined); the 27 Windows-1252 specials map back to 0x80...0x9F.
    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if (0x80...0xFF).contains(value) { return UInt8(value) }
        return windows1252Specials[value]
    }

    /// Windows-1252 characters in 0x80...0x9F that are not Latin-1, keyed by scalar value.
    private static let windows1252Specials: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}

import Foundation

/// Folds a name to the key used to match it across articles, spellings and scripts.
///
/// `fold(_:)` does, in order:
/// 1. compatibility decomposition (NFKD), so ligatures and full-width letters become plain letters
///    and accents become separate combining marks;
/// 2. lower-casing, then dropping every combining mark (`é` → `e`, `ğ` → `g`, `İ` → `i`, `ẵ` → `a`);
/// 3. letters that carry no separable accent are mapped: `ı` → `i`, `đ` → `d`, `ł` → `l`, `ø` → `o`,
///    `ß` → `ss`, `æ` → `ae`, `œ` → `oe`, `þ` → `th`, `ð` → `d`, `ħ` → `h`, `ŀ` → `l`;
/// 4. Cyrillic and Greek are transliterated with a simple one-way table (Russian/Ukrainian/Serbian
///    Cyrillic in a BGN-like scheme without diacritics, modern Greek phonetic): `Москва` → `moskva`,
///    `Αθήνα` → `athina`. It is a matching key, not a romanisation standard: `й` folds like `и` because
///    its breve is a combining mark, and `Путин` gives `putin` while `Πούτιν` gives `poytin`;
/// 5. periods are deleted (`U.S.` = `US`), every other non-letter, non-digit (hyphens, apostrophes,
///    punctuation, spaces) becomes one space, and the result is trimmed.
///
/// Other scripts (Arabic, Han, Thai ...) keep their letters, lower-cased where case exists.
///
/// ```swift
/// NameFolding.fold("Hakan Çalhanoğlu")   // "hakan calhanoglu"
/// NameFolding.fold("Đà Nẵng")            // "da nang"
/// NameFolding.fold("Jean-Marie Le Pen")  // "jean marie le pen"
/// ```
public enum NameFolding {
    /// Returns the folded matching key of `name`.
    ///
    /// - Parameter name: A name as written, in any script.
    /// - Returns: Lower-case ASCII letters and digits separated by single spaces for Latin, Cyrillic and
    ///   Greek names; other scripts keep their letters.
    /// - Complexity: O(n) in the length of `name`.
    public static func fold(_ name: String) -> String {
        var output = ""
        output.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for scalar in name.decomposedStringWithCompatibilityMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark {
                continue
            }
            if scalar == "." { continue }
            guard properties.isAlphabetic || properties.numericType != nil else {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output.append(" ") }
            pendingSpace = false
            for lower in properties.lowercaseMapping.unicodeScalars {
                if let mapped = replacements[lower] {
                    output.append(mapped)
                } else if lower.properties.generalCategory != .nonspacingMark {
                    output.unicodeScalars.append(lower)
                }
            }
        }
        return output
    }

    /// Single lower-case scalars and the ASCII they fold to.
    private static let replacements: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [
            "ı": "i", "đ": "d", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ħ": "h",
            "ŀ": "l", "ŧ": "t", "ĸ": "k", "ŋ": "n", "ɨ": "i", "ƒ": "f", "ǝ": "e", "ə": "e",
        ]
        let cyrillic =
            "а a б b в v г g д d е e ж zh з z и i к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts ч ch "
            + "ш sh щ shch ъ _ ы y ь _ э e ю yu я ya і i є ye ґ g ђ dj ј j љ lj њ nj ћ c џ dz ў u"
        let greek =
            "α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s ς s τ t υ y φ f χ ch "
            + "ψ ps ω o"
        for list in [cyrillic, greek] {
            let parts = list.split(separator: " ")
            for pair in stride(from: 0, to: parts.count - 1, by: 2) {
                guard let scalar = parts[pair].unicodeScalars.first else { continue }
                table[scalar] = parts[pair + 1] == "_" ? "" : String(parts[pair + 1])
            }
        }
        return table
    }()
}

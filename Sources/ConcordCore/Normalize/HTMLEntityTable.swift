/// The named HTML character references `HTMLText` decodes.
///
/// Covers the references news markup actually uses: markup escapes, spaces and dashes, quotes,
/// common symbols, and the Latin letters with grave, acute, circumflex, tilde, diaeresis, ring, cedilla
/// and caron (`&eacute;`, `&Ccedil;`, `&scaron;`). Accented letters are produced as base letter plus
/// combining mark; `TextNormalizer` composes them with NFC afterwards.
enum HTMLEntityTable {
    /// Entity name (without `&` and `;`) to its text.
    static let named: [String: String] = {
        var table: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ensp": "\u{2002}",
            "emsp": "\u{2003}", "thinsp": "\u{2009}", "shy": "\u{AD}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
            "lrm": "\u{200E}", "rlm": "\u{200F}", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’",
            "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»", "lsaquo": "‹",
            "rsaquo": "›", "hellip": "…", "bull": "•", "middot": "·", "copy": "©", "reg": "®", "trade": "™",
            "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "deg": "°", "plusmn": "±", "times": "×",
            "divide": "÷", "sect": "§", "para": "¶", "frac12": "½", "frac14": "¼", "frac34": "¾", "iexcl": "¡",
            "iquest": "¿", "ordf": "ª", "ordm": "º", "micro": "µ", "acute": "´", "cedil": "¸", "uml": "¨",
            "macr": "¯", "sup1": "¹", "sup2": "²", "sup3": "³", "dagger": "†", "Dagger": "‡", "permil": "‰",
            "prime": "′", "Prime": "″", "szlig": "ß", "aelig": "æ", "AElig": "Æ", "oslash": "ø", "Oslash": "Ø",
            "eth": "ð", "ETH": "Ð", "thorn": "þ", "THORN": "Þ", "oelig": "œ", "OElig": "Œ", "minus": "−",
        ]
        let marks: [(String, Unicode.Scalar)] = [
            ("grave", "\u{300}"), ("acute", "\u{301}"), ("circ", "\u{302}"), ("tilde", "\u{303}"),
            ("uml", "\u{308}"), ("ring", "\u{30A}"), ("cedil", "\u{327}"), ("caron", "\u{30C}"),
        ]
        for letter in "aeiouycnszAEIOUYCNSZ" {
            for (suffix, mark) in marks {
                var composed = String(letter)
                composed.unicodeScalars.append(mark)
                table[String(letter) + suffix] = composed
            }
        }
        return table
    }()
}

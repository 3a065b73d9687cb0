/// Turns HTML markup into plain text: tags out, entities decoded.
///
/// Deliberately small: news bodies arrive as fragments of article markup, not as whole documents,
/// so a tolerant scanner is enough. A `<` starts a tag only when a known HTML element name follows
/// (`a < b` and `x<3` stay as they are); a tag without a closing `>` is left as text.
enum HTMLText {
    /// Removes tags from `text`.
    ///
    /// `<script>`, `<style>`, `<noscript>` and `<template>` lose their content; block elements
    /// (`<p>`, `<br>`, `<div>`, `<li>`, headings, table rows ...) become line breaks; table cells become
    /// spaces; inline elements (`<a>`, `<b>`, `<span>` ...) and comments disappear.
    ///
    /// - Complexity: O(n) in the number of Unicode scalars.
    static func stripTags(_ text: String) -> String {
        guard text.unicodeScalars.contains("<") else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "<", let tag = parseTag(at: index, in: scalars) else {
                output.append(scalars[index])
                index += 1
                continue
            }
            index = tag.end
            if tag.isOpening, rawTextElements.contains(tag.name) {
                index = endOfRawText(named: tag.name, from: index, in: scalars)
            }
            if blockElements.contains(tag.name) {
                output.append("\n")
            } else if tag.name == "td" || tag.name == "th" {
                output.append(" ")
            }
        }
        return String(output)
    }

    /// Decodes named (`&amp;`, `&eacute;`), decimal (`&#8217;`) and hexadecimal (`&#x2019;`) references.
    ///
    /// Unknown names stay as written. Decimal references in 128...159 are read as Windows-1252, as
    /// browsers do (`&#146;` is `’`).
    static func decodeEntities(_ text: String) -> String {
        guard text.unicodeScalars.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (decoded, end) = entity(at: index, in: scalars) {
                output.append(contentsOf: decoded.unicodeScalars)
                index = end
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    private struct Tag {
        var name: String
        var isOpening: Bool
        /// Index just past the closing `>`.
        var end: Int
    }

    private static func parseTag(at start: Int, in scalars: [Unicode.Scalar]) -> Tag? {
        var index = start + 1
        if hasPrefix("!--", at: index, in: scalars) {
            guard let close = find("-->", from: index + 3, in: scalars) else { return nil }
            return Tag(name: "!--", isOpening: false, end: close + 3)
        }
        let isClosing = index < scalars.count && scalars[index] == "/"
        if isClosing { index += 1 }
        let isDeclaration = !isClosing && index < scalars.count && scalars[index] == "!"
        if isDeclaration { index += 1 }
        var name = ""
        while index < scalars.count, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        name = name.lowercased()
        guard isDeclaration ? !name.isEmpty : (knownElements.contains(name) || name.contains("-")) else { return nil }
        guard index < scalars.count, [">", "/", " ", "\n", "\t", "\r"].contains(scalars[index]) else { return nil }
        var quote: Unicode.Scalar?
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return Tag(name: name, isOpening: !isClosing && !isDeclaration, end: index + 1)
            } else if scalar == "<" {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Index just past `</name ...>`, or the end of the text when the element is never closed.
    private static func endOfRawText(named name: String, from start: Int, in scalars: [Unicode.Scalar]) -> Int {
        var index = start
        while let open = find("</", from: index, in: scalars) {
            if let tag = parseTag(at: open, in: scalars), tag.name == name, !tag.isOpening { return tag.end }
            index = open + 2
        }
        return scalars.count
    }

    private static func entity(at start: Int, in scalars: [Unicode.Scalar]) -> (String, Int)? {
        var index = start + 1
        var body = ""
        while index < scalars.count, index - start <= 10, scalars[index] != ";" {
            let scalar = scalars[index]
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#"
            else { return nil }
            body.unicodeScalars.append(scalar)
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";", !body.isEmpty else { return nil }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let isHex = digits.first == "x" || digits.first == "X"
            guard let value = UInt32(isHex ? String(digits.dropFirst()) : String(digits), radix: isHex ? 16 : 10),
                value != 0
            else { return nil }
            if !isHex, (0x80...0x9F).contains(value), let special = windows1252[value] {
                return (String(special), index + 1)
            }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return (String(scalar), index + 1)
        }
        guard let decoded = HTMLEntityTable.named[body] else { return nil }
        return (decoded, index + 1)
    }

    private static func hasPrefix(_ prefix: String, at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let pattern = Array(prefix.unicodeScalars)
        guard index + pattern.count <= scalars.count else { return false }
        return Array(scalars[index..<index + pattern.count]) == pattern
    }

    private static func find(_ needle: String, from start: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var index = start
        while index < scalars.count {
            if hasPrefix(needle, at: index, in: scalars) { return index }
            index += 1
        }
        return nil
    }

    /// Windows-1252 meanings of the decimal references 128...159.
    private static let windows1252: [UInt32: Unicode.Scalar] = [
        128: "€", 130: "‚", 131: "ƒ", 132: "„", 133: "…", 134: "†", 135: "‡", 136: "ˆ", 137: "‰", 138: "Š",
        139: "‹", 140: "Œ", 142: "Ž", 145: "‘", 146: "’", 147: "“", 148: "”", 149: "•", 150: "–", 151: "—",
        152: "˜", 153: "™", 154: "š", 155: "›", 156: "œ", 158: "ž", 159: "Ÿ",
    ]

    private static let rawTextElements: Set<String> = ["script", "style", "noscript", "template"]

    private static let blockElements: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
        "article", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "dl", "figure", "figcaption",
        "aside", "nav", "main", "title", "form", "option", "address", "body", "html", "head",
    ]

    private static let knownElements: Set<String> = blockElements.union(rawTextElements).union([
        "a", "abbr", "b", "bdi", "bdo", "big", "button", "caption", "center", "cite", "code", "col", "data",
        "del", "dfn", "em", "embed", "fieldset", "font", "i", "iframe", "img", "input", "ins", "kbd", "label",
        "legend", "link", "mark", "meta", "object", "picture", "q", "s", "samp", "select", "small", "source",
        "span", "strike", "strong", "sub", "sup", "svg", "path", "tbody", "td", "textarea", "tfoot", "th",
        "thead", "time", "tt", "u", "var", "video", "audio", "wbr", "menu", "summary", "details", "g",
    ])
}

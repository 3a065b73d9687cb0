import Foundation

/// Cleans article text before language identification and feature extraction.
///
/// The steps, in order, each switchable in ``Configuration``:
/// 1. mojibake repair (``MojibakeRepair``);
/// 2. HTML: `<script>`/`<style>` dropped with their content, block tags (`<p>`, `<br>`, `<div>`,
///    `<li>` ...) turned into line breaks, other tags removed; then entities decoded (`&amp;`, `&eacute;`,
///    `&#8217;`, `&#x2019;`);
/// 3. Unicode NFC;
/// 4. control and invisible characters removed (C0/C1 controls, zero-width space, word joiner, BOM,
///    soft hyphen, bidi controls; ZWJ/ZWNJ are kept after scalars from U+0590 up (Arabic, Indic, emoji),
///    where they shape text),
///    every Unicode space (NBSP, thin, narrow, ideographic ...) and tab turned into a plain space;
/// 5. whitespace: spaces collapsed, lines trimmed, empty lines dropped, paragraphs joined with `\n`;
/// 6. a missing space after sentence punctuation inserted (`SentenceSpacing`):
///    `ngày 7/11.Không đơn thuần` → `ngày 7/11. Không đơn thuần`;
/// 7. boilerplate lines dropped (`BoilerplateFilter`): `Read more`, `Advertisement`, `Đọc thêm` ...
///
/// ```swift
/// let normalizer = TextNormalizer()
/// normalizer.normalize("<p>CittÃ  di&nbsp;Castello</p><p>Fine.Poi</p>")   // "Città di Castello\nFine. Poi"
/// ```
public struct TextNormalizer: Sendable {
    /// Which steps run. Every step is on by default.
    public struct Configuration: Sendable {
        /// Repair UTF-8 read as Latin-1/Windows-1252. Default `true`.
        public var repairsMojibake: Bool
        /// Strip HTML tags and decode entities. Default `true`.
        public var stripsHTML: Bool
        /// Insert a space after `.`, `!`, `?` glued to the next sentence. Default `true`.
        public var repairsSentenceSpacing: Bool
        /// Drop short lines that are site furniture (`Read more`, `Advertisement` ...). Default `true`.
        public var dropsBoilerplateLines: Bool

        /// Creates a configuration; every step defaults to on.
        public init(
            repairsMojibake: Bool = true,
            stripsHTML: Bool = true,
            repairsSentenceSpacing: Bool = true,
            dropsBoilerplateLines: Bool = true
        ) {
            self.repairsMojibake = repairsMojibake
            self.stripsHTML = stripsHTML
            self.repairsSentenceSpacing = repairsSentenceSpacing
            self.dropsBoilerplateLines = dropsBoilerplateLines
        }
    }

    /// The steps this normalizer runs.
    public var configuration: Configuration

    /// Creates a normalizer.
    ///
    /// - Parameter configuration: The steps to run; all by default.
    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// Returns the cleaned text: NFC, no markup, one space between words, one `\n` between paragraphs.
    ///
    /// - Parameter text: Raw article text or HTML fragment.
    /// - Returns: The normalized text; empty when `text` holds nothing but markup and whitespace.
    /// - Complexity: O(n) in the length of `text`.
    public func normalize(_ text: String) -> String {
        var result = text
        if configuration.repairsMojibake { result = MojibakeRepair.repair(result) }
        if configuration.stripsHTML {
            result = HTMLText.decodeEntities(HTMLText.stripTags(result))
        }
        result = result.precomposedStringWithCanonicalMapping
        var lines = Self.cleanLines(result)
        if configuration.repairsSentenceSpacing { lines = lines.map(SentenceSpacing.repair) }
        if configuration.dropsBoilerplateLines { lines = lines.filter { !BoilerplateFilter.isBoilerplate($0) } }
        return lines.joined(separator: "\n")
    }

    /// Removes invisible characters, maps spaces and line breaks, collapses runs and trims each line.
    static func cleanLines(_ text: String) -> [String] {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var pendingSpace = false
        var previous: Unicode.Scalar = " "
        func endLine() {
            if !line.isEmpty { lines.append(String(line)) }
            line = String.UnicodeScalarView()
            pendingSpace = false
        }
        for scalar in text.unicodeScalars {
            switch kind(of: scalar, after: previous) {
            case .lineBreak:
                endLine()
            case .space:
                pendingSpace = !line.isEmpty
            case .drop:
                continue
            case .keep:
                if pendingSpace { line.append(" ") }
                pendingSpace = false
                line.append(scalar)
            }
            previous = scalar
        }
        endLine()
        return lines
    }

    private enum ScalarKind {
        case keep, space, lineBreak, drop
    }

    private static func kind(of scalar: Unicode.Scalar, after previous: Unicode.Scalar) -> ScalarKind {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return .lineBreak
        case 0x09, 0x20: return .space
        case 0x200B, 0x2060, 0xFEFF, 0xAD, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x180E: return .drop
        case 0x200C, 0x200D:
            return previous.value >= 0x0590 ? .keep : .drop
        default: break
        }
        if scalar.properties.generalCategory == .control { return .drop }
        if scalar.properties.generalCategory == .spaceSeparator { return .space }
        return .keep
    }
}

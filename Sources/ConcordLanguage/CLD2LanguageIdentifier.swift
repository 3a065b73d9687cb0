import CCLD2
import ConcordCore

/// Language identification with CLD2 (Compact Language Detector 2), built into the library.
public struct CLD2LanguageIdentifier: LanguageIdentifier {
    public init() {}

    public func identify(_ text: String) -> LanguageGuess? {
        var code = [CChar](repeating: 0, count: 16)
        var percent: Int32 = 0
        var reliable: Int32 = 0
        let utf8 = Array(text.utf8)
        let bytes = utf8.map { CChar(bitPattern: $0) }
        let found = ccld2_detect(bytes, Int32(bytes.count), &code, &percent, &reliable)
        guard found == 1 else { return nil }
        let name = String(cBuffer: code)
        let confidence = Double(percent) / 100 * (reliable == 1 ? 1 : 0.5)
        return LanguageGuess(code: Self.normalize(name), confidence: confidence, method: "cld2")
    }

    /// CLD2 codes that differ from fastText's: `zh-Hant` → `zh`, `iw` → `he`, `tl` → `tl`.
    static func normalize(_ code: String) -> String {
        let base = code.split(separator: "-").first.map(String.init) ?? code
        switch base {
        case "iw": return "he"
        case "in": return "id"
        case "jw": return "jv"
        default: return base
        }
    }
}

extension String {
    /// The UTF-8 text of a C character buffer, up to its first NUL (or the whole buffer when there is none).
    init(cBuffer: some Collection<CChar>) {
        self.init(decoding: cBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

import Foundation

/// Decodes input records (JSONL lines, news-please JSON files, plain text files) into articles.
///
/// Field names and their aliases:
/// - text: `text`, `body`, `maintext` (required, non-empty after trimming)
/// - title: `title`, `headline`
/// - id: `id`, `article_id` (missing: derived from the URL, else from a hash of title and text)
/// - published: `published`, `date`, `date_publish`, `date_published` (ISO 8601 and common formats;
///   an unreadable date is a warning, not an error)
/// - lang: `lang`, `language` (a language tag, `en` or `pt-BR`; anything else is a warning, and the language
///   is identified from the text); url: `url`; source: `source`, `source_domain`, `outlet`
/// - cluster: the gold event label, for evaluation sets
///
/// Decoding is pure: callers read the bytes and say where they came from.
public struct RecordDecoder: Sendable {
    public init() {}

    static let textKeys = ["text", "body", "maintext"]
    static let titleKeys = ["title", "headline"]
    static let idKeys = ["id", "article_id"]
    static let dateKeys = ["published", "date", "date_publish", "date_published"]
    static let langKeys = ["lang", "language"]
    static let sourceKeys = ["source", "source_domain", "outlet"]

    /// Decodes one JSON object (a JSONL line or a whole news-please file).
    ///
    /// - Throws: ``RecordError`` naming the origin and the reason.
    public func decodeJSON(_ bytes: some Collection<UInt8>, origin: RecordOrigin) throws(RecordError) -> InputRecord {
        let data = Data(bytes)
        if data.contains(0) { throw .binary(origin) }
        guard String(validating: data, as: UTF8.self) != nil else { throw .invalidUTF8(origin) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .invalidJSON(origin, detail: Self.shortMessage(error))
        }
        guard let fields = object as? [String: Any] else { throw .notAnObject(origin) }
        return try record(from: fields, origin: origin)
    }

    /// Decodes a plain text file: the first line is the title when it is short and more lines follow.
    ///
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - id: the file name without its extension.
    ///   - origin: where the file is, for error messages.
    /// - Throws: ``RecordError`` for binary content, invalid UTF-8 or an empty text.
    public func decodeText(_ bytes: some Collection<UInt8>, id: String, origin: RecordOrigin) throws(RecordError)
        -> InputRecord
    {
        let string = try Self.utf8Text(bytes, origin: origin)
        var lines = string.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        var title = ""
        if lines.count > 1, let first = lines.first, first.count <= 200 {
            title = first
            lines.removeFirst()
        }
        let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .noText(origin, id: id) }
        return InputRecord(article: Article(id: id, title: title, text: text), origin: origin)
    }

    /// A whole file's bytes as text: binary content (a NUL byte) and invalid UTF-8 are rejected.
    static func utf8Text(_ bytes: some Collection<UInt8>, origin: RecordOrigin) throws(RecordError) -> String {
        if bytes.contains(0) { throw .binary(origin) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8(origin) }
        return text
    }

    /// Decodes an HTML page: its `<title>` (else its first `<h1>`) is the title, the text of its `<body>`
    /// (scripts, styles and the `<head>` left out, entities decoded) the text.
    ///
    /// - Throws: ``RecordError`` for binary data, invalid UTF-8, or a page without text.
    public func decodeHTML(_ bytes: some Collection<UInt8>, id: String, origin: RecordOrigin) throws(RecordError)
        -> InputRecord
    {
        let page = try Self.utf8Text(bytes, origin: origin)
        func element(_ name: String, in text: String) -> Range<String.Index>? {
            guard let open = text.range(of: "<\(name)", options: .caseInsensitive),
                let openEnd = text.range(of: ">", range: open.upperBound..<text.endIndex),
                let close = text.range(
                    of: "</\(name)", options: .caseInsensitive, range: openEnd.upperBound..<text.endIndex)
            else { return nil }
            return openEnd.upperBound..<close.lowerBound
        }
        func plain(_ html: Substring) -> String {
            // Line breaks in the markup are spaces, as a browser shows them; block elements make the lines.
            let flowing = html.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return HTMLText.decodeEntities(HTMLText.stripTags(flowing))
                .split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
                .filter { !$0.isEmpty }.joined(separator: "\n")
        }
        var body = Substring(page)
        if let range = element("body", in: page) {
            body = page[range]
        } else if let head = page.range(of: "</head>", options: .caseInsensitive) {
            body = page[head.upperBound...]
        }
        let title = (element("title", in: page) ?? element("h1", in: page)).map { plain(page[$0]) } ?? ""
        let text = plain(body)
        guard !text.isEmpty else { throw .noText(origin, id: id) }
        return InputRecord(
            article: Article(id: id, title: title.replacingOccurrences(of: "\n", with: " "), text: text), origin: origin
        )
    }

    func record(from fields: [String: Any], origin: RecordOrigin) throws(RecordError) -> InputRecord {
        let givenID = Self.string(fields, Self.idKeys)
        let title = Self.string(fields, Self.titleKeys) ?? ""
        guard let text = Self.string(fields, Self.textKeys),
            !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { throw .noText(origin, id: givenID) }
        let url = Self.string(fields, ["url"])
        let id = givenID ?? Self.derivedID(url: url, title: title, text: text)
        var warnings: [String] = []
        var published: Date?
        if let raw = Self.string(fields, Self.dateKeys) {
            published = PublicationDateParser.parse(raw)
            if published == nil, !PublicationDateParser.isNullLike(raw) {
                warnings.append("unreadable date \"\(raw.prefix(40))\": ingested without a date")
            }
        }
        var language: String?
        if let raw = Self.string(fields, Self.langKeys), !PublicationDateParser.isNullLike(raw) {
            if let tag = Self.languageTag(raw) {
                language = tag == "und" ? nil : tag
            } else {
                warnings.append("unreadable language \"\(raw.prefix(40))\": identified from the text")
            }
        }
        let article = Article(
            id: id, url: url, source: Self.string(fields, Self.sourceKeys), title: title, text: text,
            published: published, declaredLanguage: language)
        return InputRecord(
            article: article, origin: origin, goldEvent: Self.string(fields, ["cluster"]), warnings: warnings)
    }

    /// An id for a record that has none: from the URL when there is one, else from the content.
    public static func derivedID(url: String?, title: String, text: String) -> String {
        if let url, !url.isEmpty { return "url-" + StableHash.hex(url) }
        return "sha-" + StableHash.hex(title + "\n" + text)
    }

    static func string(_ fields: [String: Any], _ keys: [String]) -> String? {
        for key in keys {
            switch fields[key] {
            case let s as String where !s.isEmpty: return s
            case let n as NSNumber: return n.stringValue
            default: continue
            }
        }
        return nil
    }

    /// A declared language as a lower-case tag (`en`, `pt-br`, `fil`: a primary subtag of two or three
    /// letters, then subtags of letters and digits joined by `-` or `_`; `eng` read as `en`), or nil when it is
    /// not one (`42`, `English`, `<b`): such a value says nothing reliable, and the text's own language is
    /// read instead.
    public static func languageTag(_ raw: String) -> String? {
        let parts = raw.trimmingCharacters(in: .whitespaces).lowercased()
            .split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard let primary = parts.first, (2...3).contains(primary.count),
            primary.allSatisfy({ $0.isASCII && $0.isLetter }),
            parts.dropFirst().allSatisfy({
                (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            })
        else { return nil }
        return ([threeLetterCodes[String(primary)] ?? String(primary)] + parts.dropFirst().map(String.init))
            .joined(separator: "-")
    }

    /// ISO 639-2 and 639-3 codes of languages that have a two-letter code, as the language identifiers and the
    /// model's thresholds name them.
    static let threeLetterCodes = [
        "ara": "ar", "chi": "zh", "zho": "zh", "deu": "de", "ger": "de", "eng": "en", "fra": "fr", "fre": "fr",
        "ita": "it", "jpn": "ja", "kor": "ko", "nld": "nl", "dut": "nl", "pol": "pl", "por": "pt", "rus": "ru",
        "spa": "es", "tur": "tr", "vie": "vi",
    ]

    static func shortMessage(_ error: any Error) -> String {
        let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return String((message ?? "\(error)").prefix(120))
    }
}

/// Why an input record was rejected, with where it came from.
///
/// Every rejected record is reported with its file, line and (when readable) id, and kept aside;
/// the rest of the input goes on.
public struct RecordError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Code: String, Sendable, Hashable {
        case invalidJSON = "invalid JSON"
        case notAnObject = "not a JSON object"
        case noText = "no text"
        case invalidUTF8 = "invalid UTF-8"
        case binary = "binary content"
        case tooLong = "record too long"
        case unreadable = "unreadable file"
        case wrongColumns = "wrong number of columns"
    }

    let code: Code
    /// The file the record came from (`-` for standard input).
    public var file: String
    /// The 1-based line number in the file (1 for a whole-file record).
    public var line: Int
    /// The record's id, when it could be read.
    public var id: String?
    /// Details (the parser's message, the size).
    public var detail: String?

    /// A short machine-readable reason, e.g. `invalid JSON`.
    public var reason: String { code.rawValue }

    public var description: String {
        var s = "\(file):\(line)"
        if let id { s += " [\(id)]" }
        s += ": \(code.rawValue)"
        if let detail { s += " (\(detail))" }
        return s
    }

    public static func invalidJSON(_ o: RecordOrigin, detail: String? = nil) -> Self {
        .init(code: .invalidJSON, file: o.file, line: o.line, id: nil, detail: detail)
    }
    public static func notAnObject(_ o: RecordOrigin) -> Self {
        .init(code: .notAnObject, file: o.file, line: o.line, id: nil, detail: nil)
    }
    public static func noText(_ o: RecordOrigin, id: String?) -> Self {
        .init(code: .noText, file: o.file, line: o.line, id: id, detail: nil)
    }
    public static func invalidUTF8(_ o: RecordOrigin) -> Self {
        .init(code: .invalidUTF8, file: o.file, line: o.line, id: nil, detail: nil)
    }
    public static func binary(_ o: RecordOrigin) -> Self {
        .init(code: .binary, file: o.file, line: o.line, id: nil, detail: nil)
    }
    public static func tooLong(_ o: RecordOrigin, bytes: Int, limit: Int) -> Self {
        .init(code: .tooLong, file: o.file, line: o.line, id: nil, detail: "\(bytes) bytes, limit \(limit)")
    }
    public static func wrongColumns(_ o: RecordOrigin, id: String?, detail: String) -> Self {
        .init(code: .wrongColumns, file: o.file, line: o.line, id: id, detail: detail)
    }
    public static func unreadable(_ o: RecordOrigin, detail: String) -> Self {
        .init(code: .unreadable, file: o.file, line: o.line, id: nil, detail: detail)
    }
}

/// Where a record came from.
public struct RecordOrigin: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

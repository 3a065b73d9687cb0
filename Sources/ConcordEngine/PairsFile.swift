import ConcordCore
import Foundation

/// A CSV file of article pairs (`pair_id, text1, text2`, optional `lang1, lang2` as language tags; other columns kept
/// as `extra`), as read by `concord compare` and `concord train`.
public struct PairsFile: Sendable {
    public struct Row: Sendable {
        public var pairID: String
        public var text1: String
        public var text2: String
        public var lang1: String?
        public var lang2: String?
        /// The other columns, by header name.
        public var extra: [String: String]
        /// 1-based line of the record's start in the file.
        public var line: Int
        /// True when the record could not be read as a pair (it is in `rejected`); kept so that output
        /// can still have one row per input pair.
        public var isRejected = false

        /// True when the row has two non-blank texts to compare.
        public var isScorable: Bool {
            !isRejected && !text1.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                && !text2.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }

    public var rows: [Row] = []
    /// Records that could not be used, with the reason.
    public var rejected: [RecordError] = []

    /// Reads a pairs file.
    ///
    /// - Throws: ``PairsFileError`` when the file cannot be read or has no usable header.
    public init(path: String) throws(PairsFileError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PairsFileError("\(path): cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PairsFileError("\(path): not UTF-8 text")
        }
        let records = CSV.parse(text)
        guard let (header, _) = records.first else { throw PairsFileError("\(path): empty file") }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let id = column("pair_id"), let t1 = column("text1"), let t2 = column("text2") else {
            throw PairsFileError(
                "\(path): the header needs the columns pair_id, text1 and text2 (found: \(names.joined(separator: ", ")))"
            )
        }
        let l1 = column("lang1"), l2 = column("lang2")
        for (fields, line) in records.dropFirst() {
            if fields.count == 1, fields[0].isEmpty { continue }
            guard fields.count == names.count else {
                let pairID = fields.count > id ? fields[id] : nil
                rejected.append(
                    .wrongColumns(
                        RecordOrigin(file: path, line: line), id: pairID,
                        detail: "\(fields.count) fields, the header has \(names.count)"))
                if let pairID {
                    rows.append(Row(pairID: pairID, text1: "", text2: "", extra: [:], line: line, isRejected: true))
                }
                continue
            }
            var extra: [String: String] = [:]
            for (i, name) in names.enumerated() where ![id, t1, t2, l1, l2].contains(i) { extra[name] = fields[i] }
            // Read as records read `lang`: a value that is no language tag leaves the text's language to be identified.
            func lang(_ i: Int?) -> String? { i.flatMap { RecordDecoder.languageTag(fields[$0]) } }
            rows.append(
                Row(
                    pairID: fields[id], text1: fields[t1], text2: fields[t2], lang1: lang(l1), lang2: lang(l2),
                    extra: extra, line: line))
        }
    }

    /// The two articles of a row (ids `<pair_id>#1`, `<pair_id>#2`).
    public static func articles(of r: Row) -> [Article] {
        [
            Article(id: r.pairID + "#1", text: r.text1, declaredLanguage: r.lang1),
            Article(id: r.pairID + "#2", text: r.text2, declaredLanguage: r.lang2),
        ]
    }

    /// Scores every scorable row (``Row/isScorable``): the features (and embeddings) of its two texts, IDF
    /// statistics over all scorable texts of the file. One entry per row, nil for a row that is not scorable.
    public func assess(
        extractor: FeatureExtractor, embedder: (any TextEmbedder)?, configuration: EventClustering.Configuration
    ) -> [SameEventScorer.Assessment?] {
        let scorable = rows.indices.filter { rows[$0].isScorable }
        let features = extractor.features(of: scorable.flatMap { Self.articles(of: rows[$0]) }, embeddedBy: embedder)
        var state = EventClustering(configuration: configuration)
        let assessments = state.compare(features, pairs: scorable.indices.map { (2 * $0, 2 * $0 + 1) })
        var result = [SameEventScorer.Assessment?](repeating: nil, count: rows.count)
        for (row, a) in zip(scorable, assessments) { result[row] = a }
        return result
    }
}

/// A pairs file that cannot be read, named for a person.
public struct PairsFileError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// RFC 4180 CSV: fields separated by commas, optionally quoted with `"` (a doubled `""` inside quotes is
/// one quote; quoted fields may hold commas and line breaks); records end with LF or CRLF.
public enum CSV {
    /// A field as written: quoted when it holds a comma, quote or line break (for every CSV output).
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The records with the 1-based line each starts on.
    public static func parse(_ text: String) -> [(fields: [String], line: Int)] {
        var records: [(fields: [String], line: Int)] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false, wasQuoted = false
        var line = 1, start = 1
        var chars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = chars.next()
        func endRecord() {
            fields.append(field)
            records.append((fields, start))
            fields = []
            field = ""
            wasQuoted = false
        }
        while let c = pending {
            pending = chars.next()
            if inQuotes {
                if c == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = chars.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
            case ",":
                fields.append(field)
                field = ""
                wasQuoted = false
            case "\r" where pending == "\n":
                break
            case "\n":
                endRecord()
                line += 1
                start = line
            default:
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}

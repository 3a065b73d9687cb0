import Foundation

/// A compact binary form of ``ArticleFeatures``, the form the store keeps.
///
/// The engine reads stored features back for the events of each batch's time window, and decoding them
/// from JSON was most of that cost. The binary form is a version byte (JSON starts with `{`, so the two never clash), then
/// the fields in declaration order: integers as 8-byte little-endian, `Double` and `Float` by bit pattern,
/// strings as a 4-byte length and UTF-8, arrays as a 4-byte count, optionals as a 0/1 byte, enums by raw
/// value. Terms are written in key order, so the same features always give the same bytes.
extension ArticleFeatures {
    /// The first byte of the binary form. Version 2 added ``yearlessDay`` after ``eventDate``; version 1 is
    /// still read.
    static let binaryVersion: UInt8 = 2
    static let readableBinaryVersions: ClosedRange<UInt8> = 1...2

    /// The binary form.
    public var binary: Data {
        var w = FeatureWriter()
        w.write(self)
        return Data(w.bytes)
    }

    /// Reads the binary form.
    ///
    /// - Throws: ``FeatureDecodingError`` when the bytes are not features in this form.
    public init(binary data: Data) throws {
        var r = FeatureReader(bytes: [UInt8](data))
        self = try r.readFeatures()
    }

    /// Reads stored features in either form: binary, or JSON (stores written before the binary form).
    public static func decode(stored data: Data) throws -> ArticleFeatures {
        if let first = data.first, readableBinaryVersions.contains(first) { return try ArticleFeatures(binary: data) }
        return try JSONDecoder().decode(ArticleFeatures.self, from: data)
    }
}

/// Why stored bytes could not be read back as features.
public struct FeatureDecodingError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
}

struct FeatureWriter {
    var bytes: [UInt8] = []

    mutating func write(_ f: ArticleFeatures) {
        bytes.append(ArticleFeatures.binaryVersion)
        write(f.articleID)
        write(f.language)
        write(f.languageConfidence)
        write(f.published) { $0.write($1) }
        write(f.source) { $0.write($1) }
        count(f.terms.count)
        for (key, weight) in f.terms.sorted(by: { $0.key < $1.key }) {
            write(key)
            bytes += withUnsafeBytes(of: weight.bitPattern.littleEndian, Array.init)
        }
        count(f.entities.count)
        for e in f.entities {
            write(e.surface)
            write(e.key)
            write(e.count)
        }
        count(f.numbers.count)
        for n in f.numbers {
            write(n.kind.rawValue)
            write(n.text)
            write(n.value)
            write(n.second) { $0.write($1) }
            write(n.unit) { $0.write($1) }
        }
        count(f.dates.count)
        for d in f.dates { write(d) }
        write(f.eventDate) { w, e in
            w.write(e.first)
            w.write(e.last)
            w.write(e.source.rawValue)
            w.write(e.evidence)
        }
        write(f.yearlessDay) { w, d in
            w.write(d.month)
            w.write(d.day)
        }
        write(f.embedding) { w, v in
            w.count(v.count)
            for x in v { w.bytes += withUnsafeBytes(of: x.bitPattern.littleEndian, Array.init) }
        }
        write(f.contentHash)
        write(f.title)
    }

    mutating func write(_ d: DateMention) {
        write(d.text)
        write(d.first)
        write(d.last)
        write(d.precision.rawValue)
        bytes.append(d.isRelative ? 1 : 0)
    }

    mutating func write(_ s: String) {
        let utf8 = Array(s.utf8)
        count(utf8.count)
        bytes += utf8
    }

    mutating func write(_ x: Int) { bytes += withUnsafeBytes(of: Int64(x).littleEndian, Array.init) }
    mutating func write(_ x: Double) { bytes += withUnsafeBytes(of: x.bitPattern.littleEndian, Array.init) }
    mutating func count(_ n: Int) { bytes += withUnsafeBytes(of: UInt32(n).littleEndian, Array.init) }

    mutating func write<T>(_ value: T?, _ body: (inout FeatureWriter, T) -> Void) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        body(&self, value)
    }
}

struct FeatureReader {
    let bytes: [UInt8]
    var at = 0

    mutating func readFeatures() throws -> ArticleFeatures {
        let version = try byte()
        guard ArticleFeatures.readableBinaryVersions.contains(version) else {
            throw FeatureDecodingError(description: "unknown features format")
        }
        let articleID = try string(), language = try string(), languageConfidence = try double()
        let published = try optional { try $0.double() }
        let source = try optional { try $0.string() }
        var terms: [String: Float] = [:]
        let termCount = try count()
        terms.reserveCapacity(termCount)
        for _ in 0..<termCount {
            let key = try string()
            terms[key] = Float(bitPattern: try fixed(UInt32.self))
        }
        let entities = try (0..<count()).map { _ in
            EntityMention(surface: try string(), key: try string(), count: try int())
        }
        let numbers = try (0..<count()).map { _ in
            NumberMention(
                kind: try raw(NumberMention.Kind.self), text: try string(), value: try double(),
                second: try optional { try $0.double() }, unit: try optional { try $0.string() })
        }
        let dates = try (0..<count()).map { _ in
            DateMention(
                text: try string(), first: try int(), last: try int(), precision: try raw(DatePrecision.self),
                isRelative: try byte() != 0)
        }
        let eventDate = try optional { r in
            EventDate(
                first: try r.int(), last: try r.int(), source: try r.raw(EventDate.Source.self),
                evidence: try r.string())
        }
        let yearlessDay = version < 2 ? nil : try optional { r in MonthDay(month: try r.int(), day: try r.int()) }
        let embedding = try optional { r in try (0..<r.count()).map { _ in Float(bitPattern: try r.fixed(UInt32.self)) }
        }
        let contentHash = try string(), title = try string()
        guard at == bytes.count else { throw FeatureDecodingError(description: "\(bytes.count - at) bytes left over") }
        return ArticleFeatures(
            articleID: articleID, language: language, languageConfidence: languageConfidence, published: published,
            source: source, terms: terms, entities: entities, numbers: numbers, dates: dates, eventDate: eventDate,
            embedding: embedding, contentHash: contentHash, title: title, yearlessDay: yearlessDay)
    }

    mutating func byte() throws -> UInt8 {
        guard at < bytes.count else { throw FeatureDecodingError(description: "truncated at byte \(at)") }
        defer { at += 1 }
        return bytes[at]
    }

    mutating func fixed<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard at + size <= bytes.count else { throw FeatureDecodingError(description: "truncated at byte \(at)") }
        var x: T = 0
        for i in 0..<size { x |= T(bytes[at + i]) << (8 * i) }
        at += size
        return x
    }

    mutating func int() throws -> Int { Int(try fixed(Int64.self)) }
    mutating func double() throws -> Double { Double(bitPattern: try fixed(UInt64.self)) }
    mutating func count() throws -> Int { Int(try fixed(UInt32.self)) }

    mutating func string() throws -> String {
        let n = try count()
        guard at + n <= bytes.count else { throw FeatureDecodingError(description: "truncated at byte \(at)") }
        defer { at += n }
        return String(decoding: bytes[at..<at + n], as: UTF8.self)
    }

    mutating func raw<T: RawRepresentable>(_: T.Type) throws -> T where T.RawValue == String {
        let s = try string()
        guard let value = T(rawValue: s) else { throw FeatureDecodingError(description: "unknown \(T.self) \(s)") }
        return value
    }

    mutating func optional<T>(_ body: (inout FeatureReader) throws -> T) throws -> T? {
        switch try byte() {
        case 0: return nil
        case 1: return try body(&self)
        case let b: throw FeatureDecodingError(description: "bad optional flag \(b) at byte \(at - 1)")
        }
    }
}

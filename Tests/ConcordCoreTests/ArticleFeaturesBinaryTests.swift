import Foundation
import Testing

@testable import ConcordCore

@Suite struct ArticleFeaturesBinaryTests {
    static let full = ArticleFeatures(
        articleID: "a-1", language: "vi", languageConfidence: 0.93, published: 1_700_000_000.5, source: "báo mẫu",
        terms: ["lãi_suất": 2, "ecb": 1.5, "hạ": 1],
        entities: [EntityMention(surface: "Hakan Çalhanoğlu", key: "hakan calhanoglu", count: 3)],
        numbers: [
            NumberMention(kind: .score, text: "2-1", value: 2, second: 1),
            NumberMention(kind: .quantity, text: "5.000 người", value: 5000, unit: "người"),
        ],
        dates: [
            DateMention(text: "tối 7/11", first: 18_938, last: 18_938, precision: .day, isRelative: false),
            DateMention(text: "hôm qua", first: 18_937, last: 18_937, precision: .day, isRelative: true),
        ],
        eventDate: EventDate(first: 18_938, last: 18_938, source: .mentioned, evidence: "mentioned: tối 7/11 (day)"),
        embedding: [0.25, -0.5, 1e-7], contentHash: "a83de46ef1a1bb49", title: "ECB hạ lãi suất",
        yearlessDay: MonthDay(month: 1, day: 30))

    static let empty = ArticleFeatures(
        articleID: "", language: "und", languageConfidence: 0, published: nil, source: nil, terms: [:], entities: [],
        numbers: [], dates: [], eventDate: nil, embedding: nil, contentHash: "", title: "")

    @Test(arguments: [full, empty])
    func binaryFormReadsBackEqual(_ f: ArticleFeatures) throws {
        #expect(try ArticleFeatures(binary: f.binary) == f)
        #expect(try ArticleFeatures.decode(stored: f.binary) == f)
    }

    @Test func sameFeaturesGiveSameBytes() {
        var shuffled = Self.full
        shuffled.terms = Dictionary(uniqueKeysWithValues: Self.full.terms.reversed())
        #expect(shuffled.binary == Self.full.binary)
    }

    @Test func storesWrittenAsJSONStillRead() throws {
        let json = try JSONEncoder().encode(Self.full)
        #expect(try ArticleFeatures.decode(stored: json) == Self.full)
    }

    /// Version 1 (before ``ArticleFeatures/yearlessDay``) is the version 2 form without that field.
    @Test func storesWrittenInVersionOneStillRead() throws {
        var old = Self.full
        (old.yearlessDay, old.embedding, old.contentHash, old.title) = (nil, nil, "", "")
        var bytes = [UInt8](old.binary)
        // The form ends with the yearless-day flag (0), the embedding flag (0) and two empty strings (4 + 4).
        #expect(bytes.suffix(10) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        bytes.remove(at: bytes.count - 10)
        bytes[0] = 1
        #expect(try ArticleFeatures.decode(stored: Data(bytes)) == old)
        // The same bytes are not a version 2 form.
        bytes[0] = 2
        #expect(throws: FeatureDecodingError.self) { try ArticleFeatures.decode(stored: Data(bytes)) }
    }

    @Test func damagedBytesAreAnErrorNotGarbage() {
        let bytes = Self.full.binary
        #expect(throws: FeatureDecodingError.self) { try ArticleFeatures(binary: bytes.dropLast(3)) }
        #expect(throws: FeatureDecodingError.self) { try ArticleFeatures(binary: bytes + [0]) }
        var other = bytes
        other[0] = 9
        #expect(throws: FeatureDecodingError.self) { try ArticleFeatures(binary: other) }
    }
}

import Foundation
import Testing

@testable import ConcordCore

@Suite struct RecordDecoderTests {
    let decoder = RecordDecoder()
    let origin = RecordOrigin(file: "in.jsonl", line: 7)

    func decode(_ json: String) throws(RecordError) -> InputRecord {
        try decoder.decodeJSON(Array(json.utf8), origin: origin)
    }

    @Test(
        arguments: [
            (#"{"id":"a1","text":"Body","title":"T","published":"2021-10-18T16:15:00-07:00","lang":"en"}"#, "a1", "en"),
            (#"{"id":7,"body":"Corpo","date":"2013-10-23","language":"IT"}"#, "7", "it"),
            (#"{"maintext":"Texte","date_publish":"2021-11-07 21:40:00","url":"https://x.fr/a"}"#, "url-", nil),
            (#"{"text":"Nội dung","title":"Tiêu đề"}"#, "sha-", nil),
        ] as [(String, String, String?)])
    func fieldsAndAliases(json: String, idPrefix: String, language: String?) throws {
        let r = try decode(json)
        #expect(r.article.id.hasPrefix(idPrefix))
        #expect(r.article.declaredLanguage == language)
        #expect(!r.article.text.isEmpty)
        #expect(r.warnings.isEmpty)
    }

    @Test func derivedIDsAreStable() throws {
        let a = try decode(#"{"text":"Same body","title":"Same title"}"#)
        let b = try decode(#"{"text":"Same body","title":"Same title"}"#)
        let c = try decode(#"{"text":"Other body","title":"Same title"}"#)
        #expect(a.article.id == b.article.id)
        #expect(a.article.id != c.article.id)
    }

    @Test(arguments: [
        ("{\"id\":\"x\",\"text\":\"cut", "invalid JSON"),
        ("[{\"text\":\"a\"}]", "not a JSON object"),
        ("\"just a string\"", "not a JSON object"),
        (#"{"id":"x","title":"only a title"}"#, "no text"),
        (#"{"id":"x","text":"   \n "}"#, "no text"),
        (#"{"id":"x","text":null}"#, "no text"),
    ])
    func badRecordsNameTheirOriginAndReason(json: String, reason: String) {
        #expect(throws: RecordError.self) { try decode(json) }
        do {
            _ = try decode(json)
        } catch {
            #expect(error.reason == reason)
            #expect(error.file == "in.jsonl")
            #expect(error.line == 7)
            #expect(error.description.hasPrefix("in.jsonl:7"))
        }
    }

    @Test func invalidUTF8AndBinaryAreRejected() {
        var bytes = Array(#"{"text":"abc"}"#.utf8)
        bytes.insert(0xFF, at: 10)
        #expect(throws: RecordError.self) { try decoder.decodeJSON(bytes, origin: origin) }
        var binary = Array(#"{"text":"abc"}"#.utf8)
        binary.insert(0, at: 10)
        do {
            _ = try decoder.decodeJSON(binary, origin: origin)
            Issue.record("binary accepted")
        } catch {
            #expect(error.reason == "binary content")
        }
    }

    @Test func unreadableDateIsAWarningNotAnError() throws {
        let r = try decode(#"{"id":"d","text":"Body","published":"2025-13-27T14:00:00+01:00"}"#)
        #expect(r.article.published == nil)
        #expect(r.warnings.count == 1)
        let none = try decode(#"{"id":"d","text":"Body","date":"None"}"#)
        #expect(none.article.published == nil)
        #expect(none.warnings.isEmpty)
    }

    @Test(
        arguments: [
            ("en", "en", false), ("IT", "it", false), ("pt-BR", "pt-br", false), ("zh_Hant_TW", "zh-hant-tw", false),
            ("fil", "fil", false), ("eng", "en", false), ("vie", "vi", false), (" fr ", "fr", false),
            ("und", nil, false), ("null", nil, false), ("", nil, false),
            ("English", nil, true), ("42", nil, true), ("<b", nil, true), (",", nil, true), ("e", nil, true),
            ("en--us", nil, true), ("en-", nil, true), ("en-toolongsubtag", nil, true), ("中文", nil, true),
        ] as [(String, String?, Bool)])
    func declaredLanguagesAreTagsOrWarnings(raw: String, tag: String?, warns: Bool) throws {
        let json = try JSONSerialization.data(withJSONObject: ["id": "l", "text": "Body", "lang": raw])
        let r = try decoder.decodeJSON(Array(json), origin: origin)
        #expect(r.article.declaredLanguage == tag)
        #expect(r.warnings.count == (warns ? 1 : 0), "\(r.warnings)")
        if warns { #expect(r.warnings.first?.hasPrefix("unreadable language") == true) }
    }

    @Test func aNumberIsNotALanguage() throws {
        let r = try decode(#"{"id":"n","text":"Body","lang":42}"#)
        #expect(r.article.declaredLanguage == nil)
        #expect(r.warnings == [#"unreadable language "42": identified from the text"#])
    }

    @Test func textFilesUseTheirFirstShortLineAsTitle() throws {
        let r = try decoder.decodeText(
            Array("Titolo breve\n\nIl corpo dell'articolo.\nSeconda riga.".utf8),
            id: "demo-061", origin: RecordOrigin(file: "demo-061.txt", line: 1))
        #expect(r.article.id == "demo-061")
        #expect(r.article.title == "Titolo breve")
        #expect(r.article.text.hasPrefix("Il corpo"))
    }
}

@Suite struct PublicationDateParserTests {
    @Test(arguments: [
        ("2021-10-18T16:15:00-07:00", 1_634_598_900.0),
        ("2021-10-18T23:15:00Z", 1_634_598_900.0),
        ("2021-10-18T23:15:00.500Z", 1_634_598_900.5),
        ("2021-10-18 23:15:00", 1_634_598_900.0),
        ("2021-10-18", 1_634_515_200.0),
        ("18/10/2021", 1_634_515_200.0),
        ("18.10.2021", 1_634_515_200.0),
        ("Mon, 18 Oct 2021 23:15:00 +0000", 1_634_598_900.0),
        ("Mon, 18 Oct 2021 16:15:00 -0700", 1_634_598_900.0),
        ("1634598900", 1_634_598_900.0),
    ])
    func parses(raw: String, expected: Double) throws {
        let date = try #require(PublicationDateParser.parse(raw))
        #expect(date.timeIntervalSince1970 == expected)
    }

    @Test(arguments: [
        "None", "null", "", "2025-13-27", "2021-02-30", "yesterday", "18/10", "2021-10-18T25:00:00Z",
        // Epoch numbers past any calendar day a feature can hold (they used to crash the day arithmetic).
        "999999999999999999999999999999", "1e300", "99999999999999999",
    ])
    func rejects(raw: String) {
        #expect(PublicationDateParser.parse(raw) == nil)
    }
}

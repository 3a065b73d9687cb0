import ConcordEngine
import Foundation
import Testing

@testable import concord

/// The CSV reader of `concord compare` and `concord train`, in process: no binary, no models.
@Suite struct PairsFileTests {
    @Test(arguments: [
        ("a,b,c", [["a", "b", "c"]]),
        ("a,b,c\n", [["a", "b", "c"]]),
        ("a,,\n", [["a", "", ""]]),
        (#""a,b",c"#, [["a,b", "c"]]),
        (#""say ""hi""",x"#, [[#"say "hi""#, "x"]]),
        (#""",x"#, [["", "x"]]),
        (#""""",x"#, [[#"""#, "x"]]),
        (#"ab"c,d"#, [[#"ab"c"#, "d"]]),
        ("a,b\r\nc,d\r\n", [["a", "b"], ["c", "d"]]),
        ("\"one\ntwo\",x\ny,z\n", [["one\ntwo", "x"], ["y", "z"]]),
        ("\"one\r\ntwo\",x\r\n", [["one\r\ntwo", "x"]]),
        ("é,日本語,ğ\n", [["é", "日本語", "ğ"]]),
    ])
    func parse(_ text: String, _ expected: [[String]]) {
        #expect(CSV.parse(text).map(\.fields) == expected)
    }

    /// Every record knows the line it starts on, past quoted line breaks and blank lines.
    @Test func recordsStartLines() {
        let text = "h1,h2\n\"a\nb\nc\",x\n\ny,z\r\n\"p\r\nq\",r\n"
        let records = CSV.parse(text)
        #expect(records.map(\.fields) == [["h1", "h2"], ["a\nb\nc", "x"], [""], ["y", "z"], ["p\r\nq", "r"]])
        #expect(records.map(\.line) == [1, 2, 5, 6, 7])
    }

    @Test(arguments: ["plain", "", "a,b", #"say "hi""#, "two\nlines", "cr\rlf\r\n", #"""#, " padded "])
    func fieldRoundTrips(_ value: String) {
        let written = CSV.field(value) + ",end\n"
        #expect(CSV.parse(written).map(\.fields) == [[value, "end"]], "\(written.debugDescription)")
    }

    @Test func pairLanguagesAreReadAsRecordsReadThem() throws {
        try withFile(
            """
            pair_id,text1,text2,lang1,lang2
            p1,un,uno,FRA,it-IT
            p2,one,eins,English,

            """
        ) { path in
            let file = try PairsFile(path: path)
            // Tags as records' `lang` (three-letter codes as two); a language's name is no tag.
            #expect(file.rows.map(\.lang1) == ["fr", nil])
            #expect(file.rows.map(\.lang2) == ["it-it", nil])
        }
    }

    @Test func pairsFileReadsColumnsByNameAndReportsBadRows() throws {
        try withFile(
            #"""
            Text2 , pair_id,lang1,text1,note
            "Deux, ""trois""",p1,en,"One
            line two",first
            ,p2,,only one text,second
            b,p3,en,c
            last,p4,it,ultimo,x

            """#
        ) { path in
            let file = try PairsFile(path: path)
            #expect(
                file.rows.map(\.pairID) == ["p1", "p2", "p3", "p4"], "a rejected row with a pair id is kept, marked")
            #expect(file.rows.map(\.line) == [2, 4, 5, 6])
            #expect(file.rows.map(\.isRejected) == [false, false, true, false])
            let first = try #require(file.rows.first)
            #expect(first.text1 == "One\nline two")
            #expect(first.text2 == #"Deux, "trois""#)
            #expect(first.lang1 == "en" && first.lang2 == nil, "no lang2 column")
            #expect(first.extra == ["note": "first"])
            #expect(file.rows[1].text2 == "" && file.rows[1].lang1 == nil, "an empty field is kept empty")

            #expect(file.rejected.count == 1)
            let bad = try #require(file.rejected.first)
            #expect(bad.file == path && bad.line == 5 && bad.id == "p3", "\(bad)")
            #expect(bad.reason == "wrong number of columns", "\(bad)")

            #expect(
                file.rows.flatMap(PairsFile.articles(of:)).map(\.id) == [
                    "p1#1", "p1#2", "p2#1", "p2#2", "p3#1", "p3#2", "p4#1", "p4#2",
                ])
        }
    }

    @Test func pairsFileWithByteOrderMark() throws {
        try withFile("\u{FEFF}pair_id,text1,text2\r\nx,a,b\r\n") { path in
            let file = try PairsFile(path: path)
            #expect(file.rows.map(\.pairID) == ["x"])
            #expect(file.rows.first?.text2 == "b")
        }
    }

    @Test(arguments: [
        ("pair_id,text1\nx,a\n", "text2"),
        ("", "empty file"),
    ])
    func pairsFileErrors(_ text: String, _ message: String) throws {
        try withFile(text) { path in
            do {
                _ = try PairsFile(path: path)
                Issue.record("\(text.debugDescription) was read")
            } catch {
                #expect("\(error)".contains(path), "\(error)")
                #expect("\(error)".contains(message), "\(error)")
            }
        }
    }

    /// Writes `text` to a temporary file and passes its path to `body`.
    func withFile(_ text: String, _ body: (String) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concord-pairs-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        try body(url.path)
    }
}

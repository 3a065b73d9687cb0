import Foundation
import Testing

@testable import ConcordCore

/// An HTML page given as a file: its title and the text of its body.
@Suite struct HTMLPageDecoderTests {
    let origin = RecordOrigin(file: "page.html", line: 1)

    struct Page: Sendable, CustomTestStringConvertible {
        var name: String
        var html: String
        var title: String
        var contains: [String]
        var excludes: [String]
        var testDescription: String { name }
    }

    static let pages: [Page] = [
        Page(
            name: "title and body",
            html: """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Derby ends 1-1 &amp; fans stay</title>
                <style>p { color: red }</style></head><body><h1>Derby</h1><p>Castelmare drew 1-1 with
                Sporting on Sunday.</p><script>track("visit")</script><p>Bernardini scored a penalty.</p></body></html>
                """,
            title: "Derby ends 1-1 & fans stay",
            contains: ["Castelmare drew 1-1 with Sporting on Sunday.", "Bernardini scored a penalty."],
            excludes: ["track(", "color: red", "charset", "<p>"]),
        Page(
            name: "no title: the first heading",
            html:
                "<html><body><h1>Trận derby hòa 1-1</h1><p>Castelmare và Sporting hòa 1-1 tối Chủ nhật.</p></body></html>",
            title: "Trận derby hòa 1-1",
            contains: ["Castelmare và Sporting hòa 1-1 tối Chủ nhật."], excludes: ["<h1>"]),
        Page(
            name: "a fragment without body",
            html: "<title>Alluvione</title><p>Forti piogge hanno allagato il centro storico di Porto Azzurro.</p>",
            title: "Alluvione",
            contains: ["Forti piogge hanno allagato il centro storico di Porto Azzurro."], excludes: []),
    ]

    @Test(arguments: pages)
    func titleAndText(_ page: Page) throws {
        let record = try RecordDecoder().decodeHTML(Array(page.html.utf8), id: "p", origin: origin)
        #expect(record.article.title == page.title)
        for text in page.contains { #expect(record.article.text.contains(text), "missing \(text)") }
        for text in page.excludes { #expect(!record.article.text.contains(text), "kept \(text)") }
    }

    @Test func aPageWithoutTextIsRejected() {
        #expect(throws: RecordError.self) {
            try RecordDecoder().decodeHTML(
                Array("<html><head><title>T</title></head><body> </body></html>".utf8),
                id: "p", origin: origin)
        }
    }
}

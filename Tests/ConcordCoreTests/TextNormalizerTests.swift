import Testing

@testable import ConcordCore

@Suite("TextNormalizer")
struct TextNormalizerTests {
    let normalizer = TextNormalizer()

    @Test(
        "HTML is stripped and entities decoded",
        arguments: [
            ("<p>Primo paragrafo.</p><p>Secondo paragrafo.</p>", "Primo paragrafo.\nSecondo paragrafo."),
            ("Riga uno<br>riga due<br/>riga tre", "Riga uno\nriga due\nriga tre"),
            ("<div>A</div><ul><li>uno</li><li>due</li></ul>", "A\nuno\ndue"),
            ("Testo<script>var x = '<p>';</script> pulito", "Testo pulito"),
            ("<style>p { color: red; }</style>Corpo", "Corpo"),
            ("<!-- nota --><b>Grassetto</b> e <a href=\"/x?a=1&amp;b=2\">link</a>", "Grassetto e link"),
            ("Tom &amp; Jerry &lt;3 &quot;ok&quot;", "Tom & Jerry <3 \"ok\""),
            ("caf&eacute; &Ccedil;a &ntilde;", "café Ça ñ"),
            ("it&#8217;s &#x2019; &#146;", "it’s ’ ’"),
            ("&unknown; &amp", "&unknown; &amp"),
            ("a < b and c > d", "a < b and c > d"),
            ("x<3 y", "x<3 y"),
        ]
    )
    func html(input: String, expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    @Test(
        "Whitespace and invisible characters",
        arguments: [
            ("  many   spaces\there  ", "many spaces here"),
            ("non\u{A0}breaking\u{202F}narrow\u{3000}wide", "non breaking narrow wide"),
            ("zero\u{200B}width\u{FEFF} soft\u{AD}hyphen", "zerowidth softhyphen"),
            ("control\u{0007}\u{0085}next", "control\nnext"),
            ("para one\n\n\n  para two  \r\npara three", "para one\npara two\npara three"),
            ("\n \n", ""),
            ("\u{202A}bidi\u{202C} marks\u{200E}", "bidi marks"),
        ]
    )
    func whitespace(input: String, expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    @Test(
        "Missing sentence spaces are inserted",
        arguments: [
            ("ngày 7/11.Không đơn thuần", "ngày 7/11. Không đơn thuần"),
            ("Il a gagné.Le match est fini", "Il a gagné. Le match est fini"),
            ("Was it?Yes it was!Then we left", "Was it? Yes it was! Then we left"),
            ("He said.”The end", "He said.” The end"),
        ]
    )
    func sentenceSpacing(input: String, expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    @Test(
        "Periods that do not end a sentence are left alone",
        arguments: [
            "the U.S. Army", "U.S.Army", "pi is 3.14 today", "e.g.Some", "read vov.vn now",
            "see https://site.com/News.Today",
            "mail info@site.Com", "OpenAI.GPT", "version 2.0.Beta", "www.Example.com",
        ]
    )
    func noFalseSentenceSpacing(text: String) {
        #expect(normalizer.normalize(text) == text)
    }

    @Test(
        "Boilerplate lines are dropped, article lines kept",
        arguments: [
            ("First line.\nAdvertisement\nSecond line.", "First line.\nSecond line."),
            ("Testo.\nLeggi anche: altro articolo\nFine.", "Testo.\nFine."),
            ("Nội dung.\nĐọc thêm\n© 2021 Báo", "Nội dung."),
            (
                "Read more about the ruling in the judgment published today.",
                "Read more about the ruling in the judgment published today."
            ),
        ]
    )
    func boilerplate(input: String, expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    @Test("Mojibake is repaired before anything else")
    func mojibake() {
        #expect(normalizer.normalize("<p>CittÃ  di&nbsp;Castello</p><p>Fine.Poi</p>") == "Città di Castello\nFine. Poi")
    }

    @Test("Output is NFC")
    func nfc() {
        let decomposed = "Vie\u{323}\u{302}t Nam e\u{301}"
        let result = normalizer.normalize(decomposed)
        #expect(Array(result.unicodeScalars) == Array("Vi\u{1EC7}t Nam \u{E9}".unicodeScalars))
    }

    @Test("Steps can be switched off")
    func configuration() {
        let raw = TextNormalizer(
            configuration: .init(
                repairsMojibake: false, stripsHTML: false, repairsSentenceSpacing: false, dropsBoilerplateLines: false
            )
        )
        #expect(raw.normalize("<b>CittÃ </b>  a.Bc\nAdvertisement") == "<b>CittÃ </b> a.Bc\nAdvertisement")
    }

    @Test(
        "Correct text passes through unchanged",
        arguments: [
            "Città di Castello, 7 novembre 2021.", "Ελλάδα και Κύπρος.", "Thủ tướng Hun Sen đến Phnom Penh.",
            "SÃO PAULO — naïve café.", "Москва, 7 ноября.", "Çalhanoğlu attı: 1-0.", "北京：新闻。",
        ]
    )
    func untouched(text: String) {
        #expect(Array(normalizer.normalize(text).unicodeScalars) == Array(text.unicodeScalars))
    }
}

import ConcordCore
import Foundation
import Testing

@testable import ConcordLanguage

/// fastText (lid.176) and CLD2 on texts in each language the demo uses: long, short, mixed, repaired mojibake.
@Suite struct LanguageIdentifierTests {
    static let modelsDirectory: String = {
        if let env = ProcessInfo.processInfo.environment["CONCORD_MODELS"], !env.isEmpty { return env }
        let cache = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")
        return cache + "/concord/models"
    }()

    static func fastText() throws -> FastTextLanguageIdentifier {
        try FastTextLanguageIdentifier(modelPath: modelsDirectory + "/lid.176.ftz")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var code: String
        var text: String
        var testDescription: String { "\(code): \(text.prefix(30))" }
    }

    /// Paragraphs in each language of the demo corpus.
    static let long: [Case] = [
        Case(
            code: "en",
            text: "Castelmare and Sporting drew 1-1 in the derby on Sunday evening. Bernardini equalised from the "
                + "penalty spot in the ninetieth minute, and the home fans stayed long after the final whistle."),
        Case(
            code: "it",
            text: "Il derby tra Castelmare e Sporting è finito 1-1 domenica sera. Bernardini ha pareggiato su rigore "
                + "al novantesimo e i tifosi di casa sono rimasti allo stadio a lungo dopo il fischio finale."),
        Case(
            code: "es",
            text: "El derbi entre Castelmare y Sporting terminó 1-1 el domingo por la noche. Bernardini empató de "
                + "penalti en el minuto noventa y la afición local se quedó en el estadio tras el pitido final."),
        Case(
            code: "fr",
            text: "Le derby entre Castelmare et Sporting s'est terminé sur un match nul 1-1 dimanche soir. Bernardini "
                + "a égalisé sur penalty à la quatre-vingt-dixième minute, et les supporters sont restés au stade."),
        Case(
            code: "vi",
            text: "Trận derby giữa Castelmare và Sporting kết thúc với tỷ số hòa 1-1 vào tối Chủ nhật. Bernardini gỡ "
                + "hòa trên chấm phạt đền ở phút 90 và cổ động viên đội nhà ở lại sân rất lâu sau tiếng còi."),
        Case(
            code: "de",
            text: "Das Derby zwischen Castelmare und Sporting endete am Sonntagabend 1:1. Bernardini glich in der "
                + "neunzigsten Minute per Elfmeter aus, und die Heimfans blieben noch lange nach dem Abpfiff im Stadion."
        ),
    ]

    /// Headline-length texts: the combined identifier asks CLD2 for a second opinion on these.
    static let short: [Case] = [
        Case(code: "en", text: "Heavy rain floods the old town"),
        Case(code: "it", text: "Forti piogge allagano il centro storico"),
        Case(code: "es", text: "Fuertes lluvias inundan el casco antiguo"),
        Case(code: "fr", text: "De fortes pluies inondent la vieille ville"),
        Case(code: "vi", text: "Mưa lớn gây ngập khu phố cổ"),
        Case(code: "de", text: "Starkregen überflutet die Altstadt"),
    ]

    @Test("fastText names the language of a paragraph", arguments: long)
    func fastTextLong(_ c: Case) throws {
        let guess = try #require(try Self.fastText().identify(c.text))
        #expect(guess.code == c.code)
        #expect(guess.confidence > 0.8)
    }

    @Test("CLD2 names the language of a paragraph", arguments: long)
    func cld2Long(_ c: Case) throws {
        let guess = try #require(CLD2LanguageIdentifier().identify(c.text))
        #expect(guess.code == c.code)
    }

    @Test("the combined identifier names the language of a headline", arguments: short)
    func combinedShort(_ c: Case) throws {
        let identifier = CombinedLanguageIdentifier(primary: try Self.fastText())
        #expect(identifier.identify(c.text)?.code == c.code)
    }

    @Test("a foreign name inside the text does not change its language")
    func mixed() throws {
        let text = "Il sindaco ha incontrato Nguyễn Văn Minh e Hans-Peter Müller per discutere del nuovo porto."
        #expect(CombinedLanguageIdentifier(primary: try Self.fastText()).identify(text)?.code == "it")
    }

    @Test("Vietnamese mojibake, repaired by the normalizer first, is identified as Vietnamese")
    func repairedMojibake() throws {
        let text = Self.long.first { $0.code == "vi" }?.text ?? ""
        // UTF-8 bytes read as Latin-1: what a misconfigured feed delivers.
        let mojibake = String(decoding: Array(text.utf8).map { UInt16($0) }, as: UTF16.self)
        #expect(mojibake != text)
        let repaired = TextNormalizer().normalize(mojibake)
        #expect(repaired == text)
        #expect(CombinedLanguageIdentifier(primary: try Self.fastText()).identify(repaired)?.code == "vi")
    }

    @Test("a missing model file is an error")
    func missingModel() {
        #expect(throws: LanguageModelError.self) {
            try FastTextLanguageIdentifier(modelPath: "/nonexistent/lid.176.ftz")
        }
    }
}

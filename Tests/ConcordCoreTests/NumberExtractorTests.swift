import ConcordCore
import Testing

/// A text, its language, and the numbers expected in it, written `score:2-1` or `40000 người` style.
struct NumberCase: Sendable, CustomTestStringConvertible {
    var language: String?
    var text: String
    /// Each mention as `kind value[-second] [unit]`, e.g. `score 2-1`, `quantity 40000 người`.
    var expected: [String]
    var testDescription: String { "[\(language ?? "nil")] \(text)" }

    init(_ language: String?, _ text: String, _ expected: String...) {
        (self.language, self.text, self.expected) = (language, text, expected)
    }
}

@Suite("Number extraction")
struct NumberExtractorTests {
    static let found: [NumberCase] = [
        .init("vi", "Khoảng 5.000 người biểu tình.", "quantity 5000 người"),
        .init("vi", "Hơn 40.000 người tham gia tuần hành.", "quantity 40000 người"),
        .init("vi", "Đội nhà thắng 2-1 trước đối thủ.", "score 2-1"),
        .init("vi", "Thiệt hại ước tính 3,5 tỷ đồng.", "quantity 3500000000 đồng"),
        .init("vi", "Nhóm này chiếm 70% dân số.", "quantity 70 %"),
        .init("vi", "Động đất mạnh 6.5 độ richter.", "quantity 6.5 độ"),
        .init("it", "Il bilancio è di 12 morti.", "quantity 12 morti"),
        .init("it", "Il derby è finito 1-1.", "score 1-1"),
        .init("it", "Un totale di 1.200 persone.", "quantity 1200 persone"),
        .init("it", "Un aumento del 24 per cento.", "quantity 24 %"),
        .init("fr", "La ville compte 3,5 millions d'habitants.", "quantity 3500000 habitants"),
        .init("fr", "Le séisme a fait 40 000 morts.", "quantity 40000 morts"),
        .init("fr", "Le PSG s'impose 2–0 au Parc.", "score 2-0"),
        .init("de", "1.200 Menschen demonstrierten.", "quantity 1200 menschen"),
        .init("de", "Bayern gewann 2:1 in Dortmund.", "score 2-1"),
        .init("de", "Die Strecke ist 20 km lang.", "quantity 20 km"),
        .init("de", "Der 62-Jährige wurde verletzt.", "quantity 62 jährige"),
        .init("es", "Murieron 16 personas en el incendio.", "quantity 16 personas"),
        .init("es", "El banco comprará 750.000 millones de euros en bonos.", "quantity 750000000000 euros"),
        .init("en", "The agency sent $5 million in aid.", "quantity 5000000 usd"),
        .init("en", "About 40,000 people marched.", "quantity 40000 people"),
        .init("en", "Jobless claims fell to 293,000.", "quantity 293000"),
        .init("en", "Benefits get a 5.9% increase.", "quantity 5.9 %"),
        .init("en", "The Senate voted 50-48 on the bill.", "score 50-48"),
        .init("en", "Between 10-15 people were injured.", "quantity 10 people", "quantity 15 people"),
        .init("en", "The economy added 194K jobs.", "quantity 194000 jobs"),
        .init("en", "They won 2-1 on 7/11/2021 at home.", "score 2-1"),
        .init(nil, "Oltre 40.000 persone in piazza.", "quantity 40000 persone"),
    ]

    /// Times, dates, years, labels, ordinals, codes and phone numbers are not quantities or scores.
    static let ignored: [NumberCase] = [
        .init("vi", "Trận đấu bắt đầu lúc 19:30 ngày 7/11."),
        .init("vi", "Chỉ 1/2 số cử tri đi bầu."),
        .init("vi", "Theo Điều 5 của luật, lần thứ 3."),
        .init("en", "COVID-19 cases rose in the G7."),
        .init("en", "The coach kept the 4-3-3 formation."),
        .init("en", "In 2021 the club was sold."),
        .init("en", "Call 0912.345.678 for details."),
        .init("en", "He was 8."),
        .init("de", "Um 7 Uhr begann das Spiel."),
        .init("fr", "Le 7 novembre 2021, rien."),
        .init("vi", "Họp báo ngày 20-21/11 tại Hà Nội."),
    ]

    @Test("Scores and quantities", arguments: found)
    func numbers(_ fixture: NumberCase) {
        check(fixture)
    }

    @Test("Times, dates, years and labels are left out", arguments: ignored)
    func ignoredNumbers(_ fixture: NumberCase) {
        check(fixture)
    }

    @Test("A score reported from either side has one key")
    func scoreKey() throws {
        let home = try #require(NumberExtractor().mentions(in: "Hà Nội thắng 2-1.", language: "vi").first)
        let away = try #require(NumberExtractor().mentions(in: "Il Milan ha perso 1-2.", language: "it").first)
        #expect(home.key == away.key)
        #expect(home.key == "score:1-2")
    }

    @Test("Thousands separators follow the language")
    func separators() {
        let english = NumberExtractor().mentions(in: "40,000 people", language: "en").map(\.value)
        let vietnamese = NumberExtractor().mentions(in: "40.000 người", language: "vi").map(\.value)
        let french = NumberExtractor().mentions(in: "40 000 personnes", language: "fr").map(\.value)
        let decimal = NumberExtractor().mentions(in: "3,5 millions de personnes", language: "fr").map(\.value)
        #expect(english == [40_000])
        #expect(vietnamese == [40_000])
        #expect(french == [40_000])
        #expect(decimal == [3_500_000])
    }

    private func check(_ fixture: NumberCase) {
        let mentions = NumberExtractor().mentions(in: fixture.text, language: fixture.language)
        let summary = mentions.map { mention -> String in
            var text = "\(mention.kind.rawValue) \(format(mention.value))"
            if let second = mention.second { text += "-\(format(second))" }
            if let unit = mention.unit { text += " \(unit)" }
            return text
        }
        #expect(summary == fixture.expected)
    }

    private func format(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}

import ConcordCore
import Foundation
import Testing

/// An article text, with or without a publication day, and the event date and yearless day expected of it.
struct UndatedEventDateCase: Sendable, CustomTestStringConvertible {
    var name: String
    var language: String
    var text: String
    /// `yyyy-mm-dd`, or nil for an undated article.
    var published: String? = nil
    /// (day `yyyy-mm-dd`, evidence) of a day-precise event date, or nil when none is expected.
    var expected: (day: String, evidence: String)?
    /// The yearless day the features keep, if any.
    var yearless: MonthDay?
    var testDescription: String { "[\(language)] \(name)" }
}

/// Event dates of articles without publication date that name a day without its year (`tối 7/11`): the day is
/// the event date, read in a year the text names, and a coarse period of the body never is.
@Suite("Event date of undated articles")
struct UndatedEventDateTests {
    private static func day(_ month: Int, _ day: Int) -> MonthDay { MonthDay(month: month, day: day) }

    /// A yearless day beside a period that does not hold it (the season a player was signed): no event date,
    /// and the day is kept for the comparison with dated reports. Before, the season was the event date.
    static let earlierPeriod: [UndatedEventDateCase] = [
        .init(
            name: "summer 2021 is background", language: "vi",
            text: "Tối 7/11, Sông Lam thắng Bình Dương 2-1. Tiền đạo Văn Minh, người chuyển đến vào hè 2021, "
                + "ghi hai bàn.",
            expected: nil, yearless: day(11, 7)),
        .init(
            name: "summer 2021 is background", language: "en",
            text: "On Nov. 7, Riverton beat Oakfield 2-1. Striker Sam Lee, signed in summer 2021, scored twice.",
            expected: nil, yearless: day(11, 7)),
        .init(
            name: "summer 2021 is background", language: "fr",
            text: "Le 7 novembre, Valmont a battu Courbière 2-1. L'attaquant, arrivé à l'été 2021, a marqué deux fois.",
            expected: nil, yearless: day(11, 7)),
        .init(
            name: "summer 2021 is background", language: "it",
            text: "La sera del 7 novembre il Borgoleone ha battuto il Castelmare 2-1. Il centravanti, arrivato "
                + "nell'estate 2021, ha segnato due volte.",
            expected: nil, yearless: day(11, 7)),
        .init(
            name: "summer 2021 is background", language: "de",
            text: "Am 7. November gewann Waldstadt 2:1 gegen Bergheim. Der Stürmer, im Sommer 2021 gekommen, "
                + "traf zweimal.",
            expected: nil, yearless: day(11, 7)),
        .init(
            name: "summer 2021 is background", language: "es",
            text: "El 7 de noviembre, el Villaserra venció 2-1 al Montoro. El delantero, fichado en el verano de 2021, "
                + "marcó dos goles.",
            expected: nil, yearless: day(11, 7)),
        // A month after the day in its year is as often last year's background: no reason for that year.
        .init(
            name: "December 2024 does not hold 30/1", language: "vi",
            text: "Ngày 30/1, ngân hàng trung ương giảm lãi suất. Lạm phát trong tháng 12/2024 ở mức 2,4%.",
            expected: nil, yearless: day(1, 30)),
        .init(
            name: "no year named", language: "es", text: "El 7 de noviembre, el Villaserra venció 2-1 al Montoro.",
            expected: nil, yearless: day(11, 7)),
        .init(
            name: "no year named", language: "it",
            text: "La sera del 7 novembre il Borgoleone ha battuto il Castelmare.",
            expected: nil, yearless: day(11, 7)),
        // 29/2 exists in no day of 2023.
        .init(
            name: "a year without 29/2", language: "vi", text: "Ngày 29/2, hội nghị khai mạc, lần đầu từ năm 2023.",
            expected: nil, yearless: day(2, 29)),
    ]

    @Test("A yearless day beats a period that does not hold it; the day is kept", arguments: earlierPeriod)
    func earlierPeriodIsBackground(_ fixture: UndatedEventDateCase) {
        check(fixture)
    }

    /// A yearless day and a year the text names that holds it: a day-precise event date in that year.
    static let namedYear: [UndatedEventDateCase] = [
        .init(
            name: "the sports season, beside an earlier summer", language: "vi",
            text: "Tối 7/11, Sông Lam thắng Bình Dương 2-1 ở vòng 20 mùa giải 2022. Văn Minh, người chuyển đến vào hè "
                + "2021, ghi hai bàn.",
            expected: ("2022-11-07", "mentioned: Tối 7/11 (day), year from 2022"), yearless: nil),
        .init(
            name: "a month", language: "vi", text: "Tối 7/11, Sông Lam thắng lần thứ ba trong tháng 11/2022.",
            expected: ("2022-11-07", "mentioned: Tối 7/11 (day), year from 2022"), yearless: nil),
        .init(
            name: "a month", language: "en",
            text: "On Nov. 7, Riverton beat Oakfield 2-1, a third win in November 2022. Lee signed in summer 2021.",
            expected: ("2022-11-07", "mentioned: Nov. 7 (day), year from 2022"), yearless: nil),
        .init(
            name: "a month", language: "fr",
            text: "Le 7 novembre, Valmont a battu Courbière 2-1, sa troisième victoire de novembre 2022.",
            expected: ("2022-11-07", "mentioned: 7 novembre (day), year from 2022"), yearless: nil),
        .init(
            name: "a sports season", language: "it",
            text: "La sera del 7 novembre il Borgoleone ha battuto il Castelmare, terza vittoria della stagione 2022.",
            expected: ("2022-11-07", "mentioned: 7 novembre (day), year from 2022"), yearless: nil),
        .init(
            name: "a year", language: "de",
            text: "Am 7. November gewann Waldstadt 2:1 gegen Bergheim, der dritte Sieg im Jahr 2022.",
            expected: ("2022-11-07", "mentioned: 7. November (day), year from 2022"), yearless: nil),
        .init(
            name: "a sports season", language: "es",
            text: "El 7 de noviembre, el Villaserra venció 2-1 al Montoro, su tercera victoria de la temporada 2022.",
            expected: ("2022-11-07", "mentioned: 7 de noviembre (day), year from 2022"), yearless: nil),
        // The latest year holding the day, not the first named.
        .init(
            name: "the latest of two years", language: "en",
            text: "On Nov. 7, Riverton beat Oakfield, their first win in 2022. They lost the final in 2020.",
            expected: ("2022-11-07", "mentioned: Nov. 7 (day), year from 2022"), yearless: nil),
        .init(
            name: "the latest of two years, named twice", language: "vi",
            text: "Tối 7/11, Sông Lam thắng ở mùa giải 2022, sau trận hòa năm 2021. Sau trận tối 7/11, HLV hài lòng.",
            expected: ("2022-11-07", "mentioned: Tối 7/11 (day), 2 mentions, year from 2022"), yearless: nil),
        // Winter 2022 runs from December 2021: it holds 5/12 in 2021.
        .init(
            name: "a winter holds the December before its year", language: "en",
            text: "On Dec. 5, the pass was closed by snow, the worst storm of winter 2022.",
            expected: ("2021-12-05", "mentioned: Dec. 5 (day), year from 2021"), yearless: nil),
        .init(
            name: "29/2 in a leap year", language: "vi", text: "Ngày 29/2, hội nghị khai mạc, lần đầu trong năm 2024.",
            expected: ("2024-02-29", "mentioned: Ngày 29/2 (day), year from 2024"), yearless: nil),
    ]

    @Test("A yearless day is read in the latest year the text names that holds it", arguments: namedYear)
    func namedYearPlacesTheDay(_ fixture: UndatedEventDateCase) {
        check(fixture)
    }

    /// A day with its year beats a coarse period; and with a publication date nothing changes (the yearless
    /// day resolves against publication, not against a year of the text).
    static let unchanged: [UndatedEventDateCase] = [
        .init(
            name: "a day with its year beats a season", language: "it",
            text: "Il 7 novembre 2022 il Borgoleone ha battuto il Castelmare. Il centravanti era arrivato "
                + "nell'estate 2021.",
            expected: ("2022-11-07", "mentioned: 7 novembre 2022 (day)"), yearless: nil),
        .init(
            name: "a day with its year beats a season", language: "de",
            text: "Am 7. November 2022 gewann Waldstadt gegen Bergheim. Der Stürmer kam im Sommer 2021.",
            expected: ("2022-11-07", "mentioned: 7. November 2022 (day)"), yearless: nil),
        .init(
            name: "published: the day in the year of publication", language: "vi",
            text: "Tối 7/11, Sông Lam thắng ở mùa giải 2022. Văn Minh chuyển đến vào hè 2021.", published: "2023-11-08",
            expected: ("2023-11-07", "mentioned: Tối 7/11 (day)"), yearless: nil),
        .init(
            name: "published: a season alone leaves the publication day", language: "en",
            text: "Riverton beat Oakfield 2-1. Striker Sam Lee, signed in summer 2021, scored twice.",
            published: "2022-11-08", expected: ("2022-11-08", "published"), yearless: nil),
    ]

    @Test("A day with its year, and published articles, keep their event date", arguments: unchanged)
    func unchangedCases(_ fixture: UndatedEventDateCase) {
        check(fixture)
    }

    @Test("The year of a yearless day does not depend on the order of the mentions")
    func yearIgnoresOrder() {
        func year(_ y: Int) -> DateMention {
            let span = CalendarDays.yearSpan(y)
            return DateMention(
                text: "\(y)", first: span.lowerBound, last: span.upperBound, precision: .year, isRelative: false)
        }
        let mentions = [year(2019), year(2022), year(2020)]
        #expect(EventDateEstimator.year(of: Self.day(11, 7), namedBy: mentions) == 2022)
        #expect(EventDateEstimator.year(of: Self.day(11, 7), namedBy: mentions.reversed()) == 2022)
        #expect(EventDateEstimator.year(of: Self.day(11, 7), namedBy: []) == nil)
    }

    private func check(_ fixture: UndatedEventDateCase) {
        let extractor = FeatureExtractor(languageIdentifier: DeclaredLanguage())
        let published = fixture.published.map {
            Date(timeIntervalSince1970: Double(ExpectedDate.dayNumber($0)) * 86_400 + 50_000)
        }
        let features = extractor.features(
            of: Article(id: "a", text: fixture.text, published: published, declaredLanguage: fixture.language))
        #expect(features.eventDate.map { ExpectedDate.iso($0.first) } == fixture.expected?.day)
        #expect(features.eventDate.map { ExpectedDate.iso($0.last) } == fixture.expected?.day)
        #expect(features.eventDate?.evidence == fixture.expected?.evidence)
        #expect(features.yearlessDay == fixture.yearless)
    }
}

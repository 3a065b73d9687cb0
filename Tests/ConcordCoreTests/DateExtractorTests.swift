import ConcordCore
import Foundation
import Testing

/// A date mention as a fixture states it: days written `yyyy-mm-dd` so a reader can check them.
struct ExpectedDate: Sendable, Equatable, CustomStringConvertible {
    var text: String
    var first: String
    var last: String
    var precision: DatePrecision
    var relative: Bool

    static func day(_ text: String, _ day: String) -> Self {
        Self(text: text, first: day, last: day, precision: .day, relative: false)
    }
    static func relative(_ text: String, _ day: String) -> Self {
        Self(text: text, first: day, last: day, precision: .day, relative: true)
    }
    static func month(_ text: String, _ first: String, _ last: String) -> Self {
        Self(text: text, first: first, last: last, precision: .month, relative: false)
    }
    static func season(_ text: String, _ first: String, _ last: String) -> Self {
        Self(text: text, first: first, last: last, precision: .season, relative: false)
    }
    static func year(_ text: String, _ year: Int, relative: Bool = false) -> Self {
        Self(text: text, first: "\(year)-01-01", last: "\(year)-12-31", precision: .year, relative: relative)
    }

    init(text: String, first: String, last: String, precision: DatePrecision, relative: Bool) {
        (self.text, self.first, self.last, self.precision, self.relative) = (text, first, last, precision, relative)
    }

    init(_ mention: DateMention) {
        self.init(
            text: mention.text, first: Self.iso(mention.first), last: Self.iso(mention.last),
            precision: mention.precision, relative: mention.isRelative)
    }

    static func iso(_ day: DayNumber) -> String {
        let date = CalendarDays.date(of: day)
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.year)-\(pad(date.month))-\(pad(date.day))"
    }

    /// The day number of a `yyyy-mm-dd` string (-1_000_000 when malformed, which fails any comparison).
    static func dayNumber(_ iso: String) -> DayNumber {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return -1_000_000 }
        return CalendarDays.day(year: parts[0], month: parts[1], day: parts[2]) ?? -1_000_000
    }

    var description: String { "\(text) \(first)...\(last) \(precision)\(relative ? " relative" : "")" }
}

/// A text, its language, and the mentions expected in it.
struct DateCase: Sendable, CustomTestStringConvertible {
    var language: String?
    var text: String
    var expected: [ExpectedDate]
    var testDescription: String { "[\(language ?? "nil")] \(text)" }

    init(_ language: String?, _ text: String, _ expected: ExpectedDate...) {
        (self.language, self.text, self.expected) = (language, text, expected)
    }
}

@Suite("Date extraction")
struct DateExtractorTests {
    /// Wednesday 10 November 2021.
    static let published = ExpectedDate.dayNumber("2021-11-10")

    static let absolute: [DateCase] = [
        .init("vi", "Tối 7/11, đội tuyển thắng 2-1 trên sân nhà.", .day("Tối 7/11", "2021-11-07")),
        .init("vi", "Ngày 19/5, hàng nghìn người dự lễ hội.", .day("Ngày 19/5", "2021-05-19")),
        .init("vi", "Bão đổ bộ vào sáng 23-10 ở miền Trung.", .day("sáng 23-10", "2021-10-23")),
        .init("vi", "Vụ cháy xảy ra ngày 7/11/2021 tại Hà Nội.", .day("ngày 7/11/2021", "2021-11-07")),
        .init(
            "vi", "Ngày 7 tháng 11 năm 2021, trận đấu diễn ra.",
            .day("Ngày 7 tháng 11 năm 2021", "2021-11-07")),
        .init("vi", "Giá xăng tăng trong tháng 11/2021.", .month("tháng 11/2021", "2021-11-01", "2021-11-30")),
        .init("vi", "Lũ lớn xảy ra vào hè 2021.", .season("hè 2021", "2021-06-01", "2021-08-31")),
        .init("vi", "Hai nước đặt quan hệ từ 3/1947.", .month("3/1947", "1947-03-01", "1947-03-31")),
        .init("vi", "Công ty thành lập năm 2015.", .year("năm 2015", 2015)),
        .init("vi", "Thứ Hai (8/11), Quốc hội họp.", .day("Thứ Hai (8/11)", "2021-11-08")),
        .init("it", "Il 7 novembre 2021 la squadra ha vinto.", .day("7 novembre 2021", "2021-11-07")),
        .init("it", "Domenica 7 novembre il derby è finito 1-1.", .day("Domenica 7 novembre", "2021-11-07")),
        .init("it", "Nel 2019 il club ha cambiato allenatore.", .year("Nel 2019", 2019)),
        .init("it", "L'estate 2021 è stata la più calda.", .season("estate 2021", "2021-06-01", "2021-08-31")),
        .init("it", "A novembre 2021 i prezzi sono saliti.", .month("novembre 2021", "2021-11-01", "2021-11-30")),
        .init("en", "The match on November 7, 2021 ended 2-1.", .day("November 7, 2021", "2021-11-07")),
        .init("en", "The storm hit on Nov. 7 near the coast.", .day("Nov. 7", "2021-11-07")),
        .init("en", "The law passed on 11/7/2021 after a long debate.", .day("11/7/2021", "2021-11-07")),
        .init("en", "The law passed on 13/11/2021 after a long debate.", .day("13/11/2021", "2021-11-13")),
        .init(
            "en", "Prices rose in 2020 and again in summer 2021.",
            .year("in 2020", 2020), .season("summer 2021", "2021-06-01", "2021-08-31")),
        .init("de", "Am 7. November 2021 gewann die Mannschaft.", .day("7. November 2021", "2021-11-07")),
        .init("de", "Das Spiel fand am 07.11.2021 statt.", .day("07.11.2021", "2021-11-07")),
        .init("de", "Im Sommer 2021 stiegen die Preise.", .season("Sommer 2021", "2021-06-01", "2021-08-31")),
        .init("es", "El 7 de noviembre de 2021 el equipo ganó.", .day("7 de noviembre de 2021", "2021-11-07")),
        .init("es", "En verano de 2021 llovió poco.", .season("verano de 2021", "2021-06-01", "2021-08-31")),
        .init("es", "Noviembre de 2021 fue un mes frío.", .month("Noviembre de 2021", "2021-11-01", "2021-11-30")),
        .init("fr", "Le 7 novembre 2021, l'équipe a gagné.", .day("7 novembre 2021", "2021-11-07")),
        .init("fr", "L'été 2021 a été chaud.", .season("été 2021", "2021-06-01", "2021-08-31")),
        .init("fr", "Le 1er mai, les syndicats défilent.", .day("1er mai", "2021-05-01")),
        .init("fr", "En novembre 2021, les prix ont augmenté.", .month("novembre 2021", "2021-11-01", "2021-11-30")),
        .init("fr", "L'hiver 2021 a été doux.", .season("hiver 2021", "2020-12-01", "2021-02-28")),
        .init("ru", "Матч прошёл 2021-11-07 в Москве.", .day("2021-11-07", "2021-11-07")),
        .init(nil, "Match joué le 7 novembre 2021.", .day("7 novembre 2021", "2021-11-07")),
    ]

    static let relative: [DateCase] = [
        .init("vi", "Hôm qua, cảnh sát bắt giữ hai nghi phạm.", .relative("Hôm qua", "2021-11-09")),
        .init("vi", "Tối qua, hai đội hòa 1-1.", .relative("Tối qua", "2021-11-09")),
        .init("vi", "Chiều thứ Hai, Quốc hội thông qua luật.", .relative("thứ Hai", "2021-11-08")),
        .init("vi", "Ngày mai, đội tuyển lên đường.", .relative("Ngày mai", "2021-11-11")),
        .init(
            "vi", "Đoàn đến vào thứ Hai tuần trước.",
            .relative("thứ Hai tuần trước", "2021-11-01")),
        .init(
            "vi", "Dự án khởi công vào tháng 4 năm sau.",
            .init(
                text: "tháng 4 năm sau", first: "2022-04-01", last: "2022-04-30", precision: .month, relative: true)),
        .init(
            "vi", "Hôm qua (9/11), hai đội gặp nhau.",
            .relative("Hôm qua", "2021-11-09"), .day("9/11", "2021-11-09")),
        .init("it", "Ieri sera la polizia ha arrestato due uomini.", .relative("Ieri", "2021-11-09")),
        .init("it", "Lunedì il governo ha approvato il decreto.", .relative("Lunedì", "2021-11-08")),
        .init("en", "Police said on Monday that two men were arrested.", .relative("Monday", "2021-11-08")),
        .init("en", "Yesterday the senate voted 50-48.", .relative("Yesterday", "2021-11-09")),
        .init("en", "Last night, fans celebrated in the streets.", .relative("Last night", "2021-11-09")),
        .init("en", "Sales fell last year.", .year("last year", 2020, relative: true)),
        .init("de", "Gestern Abend wurde ein Mann festgenommen.", .relative("Gestern", "2021-11-09")),
        .init("de", "Am Montag trat der Minister zurück.", .relative("Montag", "2021-11-08")),
        .init("de", "Heute Morgen brannte eine Lagerhalle.", .relative("Heute", "2021-11-10")),
        .init("es", "Ayer la policía detuvo a dos hombres.", .relative("Ayer", "2021-11-09")),
        .init("es", "El lunes el gobierno aprobó la ley.", .relative("lunes", "2021-11-08")),
        .init("fr", "Hier soir, deux hommes ont été arrêtés.", .relative("Hier", "2021-11-09")),
        .init("fr", "Aujourd'hui, le gouvernement présente son budget.", .relative("Aujourd'hui", "2021-11-10")),
        .init("fr", "Lundi, le ministre a démissionné.", .relative("Lundi", "2021-11-08")),
        .init("fr", "Le stade a ouvert avant-hier.", .relative("avant-hier", "2021-11-08")),
    ]

    /// Weekdays that name a coming day resolve forward from Wednesday 10 November 2021.
    static let ahead: [DateCase] = [
        .init("en", "The new rules will take effect on Saturday.", .relative("Saturday", "2021-11-13")),
        .init("en", "The senate votes on Monday of next week.", .relative("Monday", "2021-11-15")),
        .init("en", "Shops expect crowds next Monday.", .relative("Monday", "2021-11-15")),
        .init("vi", "Đội tuyển lên đường vào thứ Hai tới.", .relative("thứ Hai tới", "2021-11-15")),
        .init("de", "Der Prozess beginnt am nächsten Montag.", .relative("Montag", "2021-11-15")),
        .init("it", "La partita si gioca lunedì prossimo.", .relative("lunedì", "2021-11-15")),
        .init("fr", "Le procès s'ouvre lundi prochain.", .relative("lundi", "2021-11-15")),
        .init("es", "El juicio empieza el próximo lunes.", .relative("lunes", "2021-11-15")),
        .init("en", "The Good Friday Agreement was signed long ago."),
    ]

    /// Scores, times, ratios, versions, counts and names that must not read as dates.
    static let negative: [DateCase] = [
        .init("vi", "Đội nhà thắng 2-1 sau 90 phút."),
        .init("vi", "Trận đấu bắt đầu lúc 19:30."),
        .init("vi", "Chỉ 1/2 số cử tri đi bầu."),
        .init("vi", "Lần thứ hai đội bóng thất bại."),
        .init("vi", "Bộ phim về những năm 1980."),
        .init("vi", "Lợi nhuận quý 3/2013 tăng 28%."),
        .init("en", "Version 2.1.3 was released with 2,021 fixes."),
        .init("en", "Call 0912.345.678 for details."),
        .init("en", "He scored 2021 points in his career."),
        .init("en", "Since 9/11 airport security has changed."),
        .init("en", "The Today show aired an interview."),
        .init("en", "COVID-19 cases rose by 3/4 of a point."),
        .init("de", "Die Firma hat 2021 Mitarbeiter."),
        .init("es", "Esta mañana hubo un accidente."),
        .init("it", "Ha vinto 3-1 in 90 minuti."),
    ]

    @Test("Absolute dates resolve to exact days", arguments: absolute)
    func absoluteDates(_ fixture: DateCase) {
        check(fixture, published: Self.published)
    }

    @Test("Relative words and weekdays resolve against the publication day", arguments: relative)
    func relativeDates(_ fixture: DateCase) {
        check(fixture, published: Self.published)
    }

    @Test("Weekdays after `next`, `will` or `until` look forward", arguments: ahead)
    func aheadDates(_ fixture: DateCase) {
        check(fixture, published: Self.published)
    }

    @Test("Scores, times, ratios and counts are not dates", arguments: negative)
    func notDates(_ fixture: DateCase) {
        check(fixture, published: Self.published)
    }

    /// Without a publication day, a mention without year or a relative word cannot be resolved.
    static let undated: [DateCase] = [
        .init("vi", "Tối 7/11, đội tuyển thắng."),
        .init("en", "Yesterday the senate voted."),
        .init("en", "On Monday, the court ruled."),
        .init("fr", "Le 7 novembre, l'équipe a gagné."),
        .init("fr", "Le 7 novembre 2021, l'équipe a gagné.", .day("7 novembre 2021", "2021-11-07")),
    ]

    @Test("Without a publication date only dates with a year resolve", arguments: undated)
    func withoutPublication(_ fixture: DateCase) {
        check(fixture, published: nil)
    }

    /// The start of a period dates the background, not the event: left out; the same date without the cue is
    /// kept (the second fixture of each pair).
    static let periodStarts: [DateCase] = [
        .init("en", "It is the fifth cut since June 2024."),
        .init("en", "It is the fifth cut in June 2024.", .month("June 2024", "2024-06-01", "2024-06-30")),
        .init("de", "Es ist die fünfte Senkung seit dem 5. Juni 2024."),
        .init("de", "Die Senkung vom 5. Juni 2024 war die erste.", .day("5. Juni 2024", "2024-06-05")),
        .init("fr", "C'est la cinquième baisse depuis le 5 juin 2024."),
        .init("fr", "La baisse du 5 juin 2024 était la première.", .day("5 juin 2024", "2024-06-05")),
        .init("es", "Es el quinto recorte desde el 5 de junio de 2024."),
        .init("es", "El recorte del 5 de junio de 2024 fue el primero.", .day("5 de junio de 2024", "2024-06-05")),
        .init("it", "È il quinto taglio dal 5 giugno 2024."),
        .init("it", "Il taglio del 5 giugno 2024 fu il primo.", .day("5 giugno 2024", "2024-06-05")),
        .init("vi", "Đây là lần hạ thứ năm kể từ tháng 6/2024."),
        .init("vi", "Lần hạ đầu tiên là vào tháng 6/2024.", .month("tháng 6/2024", "2024-06-01", "2024-06-30")),
    ]

    @Test("The start of a period (`since June 2024`) is not a date of the event", arguments: periodStarts)
    func periodStartsAreLeftOut(_ fixture: DateCase) {
        check(fixture, published: nil)
    }

    /// A sports season named by its year is that year; a season over two years (`2022/23`) is left out.
    static let sportsSeasons: [DateCase] = [
        .init("vi", "Vòng 20 mùa giải 2022 khép lại.", .year("giải 2022", 2022)),
        .init("en", "The club won the title in season 2022.", .year("season 2022", 2022)),
        .init("it", "Terza vittoria della stagione 2022.", .year("stagione 2022", 2022)),
        .init("fr", "Troisième victoire de la saison 2022.", .year("saison 2022", 2022)),
        .init("de", "Der dritte Sieg der Saison 2022.", .year("Saison 2022", 2022)),
        .init("es", "Tercera victoria de la temporada 2022.", .year("temporada 2022", 2022)),
        .init("vi", "Mùa giải 2022/23 khép lại."),
        .init("es", "La temporada 2022-2023 terminó."),
    ]

    @Test("A sports season with its year names that year", arguments: sportsSeasons)
    func sportsSeasonYears(_ fixture: DateCase) {
        check(fixture, published: nil)
    }

    /// (language, text, the days named without a year): what an undated article says of its days.
    static let yearless: [(String, String, [MonthDay])] = [
        (
            "vi", "ECB ngày 30/1 quyết định giảm lãi suất, có hiệu lực từ ngày 5/2, kể từ ngày 6/6 là lần thứ năm.",
            [MonthDay(month: 1, day: 30), MonthDay(month: 2, day: 5)]
        ),
        ("fr", "Le 2 juillet, l'otage a été libérée. Le 2 juillet 2008 restera.", [MonthDay(month: 7, day: 2)]),
        ("en", "The panel met on Jan. 6 to vote.", [MonthDay(month: 1, day: 6)]),
        ("en", "The score was 7/11 at half time.", []),
        // 31/11 exists in no year; 29/2 in leap years.
        ("vi", "Ngày 31/11 và ngày 29/2, hội nghị họp.", [MonthDay(month: 2, day: 29)]),
    ]

    @Test("Days named without a year are listed for an undated article", arguments: yearless)
    func yearlessDays(language: String, text: String, expected: [MonthDay]) {
        #expect(DateExtractor().yearlessDays(in: text, language: language) == expected)
    }

    /// (publication day, text, expected day): a missing year goes to the nearest year, the past preferred.
    static let missingYear: [(String, String, String)] = [
        ("2021-01-03", "Ngày 30/12, trận đấu diễn ra.", "2020-12-30"),
        ("2021-12-28", "Ngày 2/1, giải đấu khởi tranh.", "2022-01-02"),
        ("2021-10-15", "The panel met on Jan. 6 to vote.", "2021-01-06"),
        ("2021-06-15", "Le 20 juin, les élections auront lieu.", "2021-06-20"),
    ]

    @Test("A missing year is the one nearest publication", arguments: missingYear)
    func missingYearChoice(published: String, text: String, expected: String) throws {
        let language = text.hasPrefix("Ngày") ? "vi" : text.hasPrefix("The") ? "en" : "fr"
        let found = DateExtractor().mentions(
            in: text, language: language, publishedDay: ExpectedDate.dayNumber(published))
        let mention = try #require(found.first)
        #expect(ExpectedDate.iso(mention.first) == expected)
    }

    @Test("The publication instant is read at the configured UTC offset")
    func publicationOffset() throws {
        // 2021-11-09T20:00Z is 10 November in Hanoi (UTC+7): "hôm qua" is then 9 November, not 8.
        let instant = Date(timeIntervalSince1970: Double(ExpectedDate.dayNumber("2021-11-09") * 86_400 + 20 * 3_600))
        var configuration = DateExtractor.Configuration()
        configuration.utcOffsetSeconds = 7 * 3_600
        let hanoi = DateExtractor(configuration: configuration).mentions(
            in: "Hôm qua, mưa lớn.", language: "vi", published: instant)
        let utc = DateExtractor().mentions(in: "Hôm qua, mưa lớn.", language: "vi", published: instant)
        #expect(try ExpectedDate.iso(#require(hanoi.first).first) == "2021-11-09")
        #expect(try ExpectedDate.iso(#require(utc.first).first) == "2021-11-08")
    }

    private func check(_ fixture: DateCase, published: DayNumber?) {
        let found = DateExtractor().mentions(in: fixture.text, language: fixture.language, publishedDay: published)
        #expect(found.map(ExpectedDate.init) == fixture.expected)
    }
}

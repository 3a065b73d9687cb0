import ConcordCore
import Testing

/// Mentions and a publication day, and the event date expected from them.
struct EventDateCase: Sendable, CustomTestStringConvertible {
    var name: String
    var published: String?
    var mentions: [DateMention]
    /// (first, last, source, evidence), or nil when nothing is known.
    var expected: (first: String, last: String, source: EventDate.Source, evidence: String)?
    var testDescription: String { name }
}

/// A mention built from readable days.
private func mention(
    _ text: String, _ first: String, _ last: String? = nil, _ precision: DatePrecision = .day, relative: Bool = false
) -> DateMention {
    DateMention(
        text: text, first: ExpectedDate.dayNumber(first), last: ExpectedDate.dayNumber(last ?? first),
        precision: precision, isRelative: relative)
}

@Suite("Event date estimation")
struct EventDateEstimatorTests {
    static let cases: [EventDateCase] = [
        EventDateCase(
            name: "nothing mentioned: the publication day", published: "2021-11-10", mentions: [],
            expected: ("2021-11-10", "2021-11-10", .published, "published")),
        EventDateCase(name: "nothing known at all", published: nil, mentions: [], expected: nil),
        // 1 + 0.5 (lead) against 1.5 (relative), one day either side of publication: the earlier day, in every
        // process (not the order of a dictionary).
        EventDateCase(
            name: "a tie at equal distance goes to the earlier day", published: "2021-11-10",
            mentions: [mention("ngày 11/11", "2021-11-11"), mention("hôm qua", "2021-11-09", relative: true)],
            expected: ("2021-11-09", "2021-11-09", .relative, "relative: hôm qua (day)")),
        EventDateCase(
            name: "one recent day mentioned", published: "2021-11-10",
            mentions: [mention("ngày 7/11", "2021-11-07")],
            expected: ("2021-11-07", "2021-11-07", .mentioned, "mentioned: ngày 7/11 (day)")),
        EventDateCase(
            name: "a relative word only", published: "2021-11-10",
            mentions: [mention("hôm qua", "2021-11-09", relative: true)],
            expected: ("2021-11-09", "2021-11-09", .relative, "relative: hôm qua (day)")),
        EventDateCase(
            name: "old background dates do not date the event", published: "2021-11-10",
            mentions: [mention("7/11/2019", "2019-11-07"), mention("năm 2019", "2019-01-01", "2019-12-31", .year)],
            expected: ("2021-11-10", "2021-11-10", .published, "published")),
        EventDateCase(
            name: "announced future dates do not date the event", published: "2021-11-10",
            mentions: [mention("ngày 20/11", "2021-11-20")],
            expected: ("2021-11-10", "2021-11-10", .published, "published")),
        EventDateCase(
            name: "relative and absolute agreeing outvote the lead", published: "2021-11-10",
            mentions: [
                mention("ngày 7/11", "2021-11-07"), mention("hôm qua", "2021-11-09", relative: true),
                mention("tối 9/11", "2021-11-09"),
            ],
            expected: ("2021-11-09", "2021-11-09", .mentioned, "mentioned: tối 9/11 (day), 2 mentions")),
        EventDateCase(
            name: "the lead wins over a single later mention", published: "2021-11-10",
            mentions: [mention("7 novembre", "2021-11-07"), mention("8 novembre", "2021-11-08")],
            expected: ("2021-11-07", "2021-11-07", .mentioned, "mentioned: 7 novembre (day)")),
        EventDateCase(
            name: "a tie goes to the day nearer publication", published: "2021-11-10",
            mentions: [mention("Nov. 8", "2021-11-08"), mention("yesterday", "2021-11-09", relative: true)],
            expected: ("2021-11-09", "2021-11-09", .relative, "relative: yesterday (day)")),
        EventDateCase(
            name: "a month alone does not beat the publication day", published: "2021-11-10",
            mentions: [mention("November 2021", "2021-11-01", "2021-11-30", .month)],
            expected: ("2021-11-10", "2021-11-10", .published, "published")),
        EventDateCase(
            name: "undated: the most frequent day", published: nil,
            mentions: [
                mention("7 novembre 2021", "2021-11-07"), mention("1er mai 2019", "2019-05-01"),
                mention("1er mai 2019", "2019-05-01"),
            ],
            expected: ("2019-05-01", "2019-05-01", .mentioned, "mentioned: 1er mai 2019 (day), 2 mentions")),
        EventDateCase(
            name: "undated: a tie goes to the latest day", published: nil,
            mentions: [mention("1er mai 2019", "2019-05-01"), mention("7 novembre 2021", "2021-11-07")],
            expected: ("2021-11-07", "2021-11-07", .mentioned, "mentioned: 7 novembre 2021 (day)")),
        EventDateCase(
            name: "undated: a month beats a year", published: nil,
            mentions: [
                mention("en 2020", "2020-01-01", "2020-12-31", .year),
                mention("novembre 2021", "2021-11-01", "2021-11-30", .month),
            ],
            expected: ("2021-11-01", "2021-11-30", .mentioned, "mentioned: novembre 2021 (month)")),
        EventDateCase(
            name: "undated: a season when nothing finer", published: nil,
            mentions: [mention("estate 2021", "2021-06-01", "2021-08-31", .season)],
            expected: ("2021-06-01", "2021-08-31", .mentioned, "mentioned: estate 2021 (season)")),
        EventDateCase(
            name: "undated: relative mentions are ignored", published: nil,
            mentions: [mention("ieri", "2021-11-09", relative: true)], expected: nil),
    ]

    @Test("Event date from mentions and publication", arguments: cases)
    func estimate(_ fixture: EventDateCase) {
        let published = fixture.published.map(ExpectedDate.dayNumber)
        let result = EventDateEstimator().estimate(mentions: fixture.mentions, publishedDay: published)
        #expect(result?.first == fixture.expected.map { ExpectedDate.dayNumber($0.first) })
        #expect(result?.last == fixture.expected.map { ExpectedDate.dayNumber($0.last) })
        #expect(result?.source == fixture.expected?.source)
        #expect(result?.evidence == fixture.expected?.evidence)
    }

    @Test("The yearless day of an undated article is the most named, a tie going to the lead")
    func yearlessDay() {
        let estimator = EventDateEstimator()
        let (jan30, feb5) = (MonthDay(month: 1, day: 30), MonthDay(month: 2, day: 5))
        #expect(estimator.yearlessDay([jan30, feb5]) == jan30)
        #expect(estimator.yearlessDay([feb5, jan30, jan30]) == jan30)
        #expect(estimator.yearlessDay([]) == nil)
    }

    /// (yearless day, reference day, expected day): the year is the one that puts the day nearest the reference.
    static let nearestYear: [(MonthDay, String, String)] = [
        (MonthDay(month: 1, day: 30), "2025-01-30", "2025-01-30"),
        (MonthDay(month: 1, day: 30), "2024-12-12", "2025-01-30"),
        (MonthDay(month: 12, day: 12), "2025-01-30", "2024-12-12"),
        (MonthDay(month: 7, day: 2), "2008-08-15", "2008-07-02"),
        (MonthDay(month: 2, day: 29), "2025-03-01", "2024-02-29"),
    ]

    @Test("A day without a year takes the year nearest a dated reference", arguments: nearestYear)
    func nearest(day: MonthDay, reference: String, expected: String) throws {
        let found = try #require(day.nearest(to: ExpectedDate.dayNumber(reference)))
        #expect(ExpectedDate.iso(found) == expected)
    }

    /// Two articles about look-alike derbies, years apart, written by us: their event dates must differ.
    @Test("Look-alike events years apart get different event dates")
    func lookAlikes() throws {
        let first = "Tối 7/11, Hà Nội và Hải Phòng hòa 1-1 trong trận derby."
        let second = "La sera del 3 marzo 2018 il derby è finito 1-1, come ieri."
        let extractor = DateExtractor()
        let estimator = EventDateEstimator()
        let a = try #require(
            estimator.estimate(
                mentions: extractor.mentions(
                    in: first, language: "vi", publishedDay: ExpectedDate.dayNumber("2021-11-08")),
                publishedDay: ExpectedDate.dayNumber("2021-11-08")))
        let b = try #require(
            estimator.estimate(
                mentions: extractor.mentions(in: second, language: "it", publishedDay: nil), publishedDay: nil))
        #expect(a.first == ExpectedDate.dayNumber("2021-11-07"))
        #expect(a.source == .mentioned)
        #expect(b.first == ExpectedDate.dayNumber("2018-03-03"))
        #expect(b.evidence == "mentioned: 3 marzo 2018 (day)")
    }
}

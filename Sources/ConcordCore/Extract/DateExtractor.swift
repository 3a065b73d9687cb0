import Foundation

/// Finds the dates an article mentions and resolves them to days.
///
/// Handles English, Italian, Vietnamese, German, Spanish and French; other languages get only the
/// language-free numeric forms (`2021-11-07`, `07.11.2021`, `7/11/2021`), and an unknown language
/// (`nil`, empty or `und`) gets the month and season names of all six.
///
/// What it reads:
/// - numeric dates with a year: `2021-11-07`, `7/11/2021`, `07.11.2021`, `7-11-2021`, `7/11/21`;
/// - `d/m` without a year only after a context word or in parentheses: `ngày 19/5`, `tối 7/11`,
///   `sáng 23-10`, `(7/11)`, `am 7.11.`, `on 11/7`, `le 7/11`; a bare `7/11` may be a ratio and is skipped;
/// - month names: `November 7, 2021`, `Nov. 7`, `7 November 2021`, `7 novembre 2021`, `7. November 2021`,
///   `7 de noviembre de 2021`, `1er mai`, `ngày 7 tháng 11 năm 2021`, and month with year (`November 2021`,
///   `novembre 2021`, `tháng 11/2021`, `từ 11/2021`) at month precision; a bare `tháng 11` too;
/// - seasons with a year (`hè 2021`, `summer 2021`, `estate 2021`, `été 2021`, `Sommer 2021`,
///   `verano 2021`) at season precision;
/// - years only after a context word (`năm 2021`, `in 2021`, `nel 2021`, `en 2021`, `im Jahr 2021`, and a sports
///   season: `mùa giải 2022`, `season 2022`, `stagione 2022`, `saison 2022`, `Saison 2022`, `temporada 2022`);
///   a lone 4-digit number may be a count and is skipped;
/// - relative words (`yesterday`, `ieri`, `hôm qua`, `tối qua`, `gestern`, `ayer`, `hier`, `aujourd'hui`,
///   ...) and weekday names (`on Monday`, `lunedì`, `thứ Hai`, `am Montag`, `el lunes`, `lundi`), resolved
///   against the publication day; a weekday means the latest such day on or before publication, or the
///   next one on or after it when marked as coming (`next Monday`, `lunedì prossimo`, `thứ Hai tới`, or a
///   future marker such as `will`, `until`, `bis` earlier in the sentence). `thứ Sáu tuần trước` and
///   `Monday of next week` name the week. A weekday followed by an explicit date (`thứ Hai (7/11)`,
///   `Monday, Nov. 8`) yields that date instead. Feasts (`Good Friday`) are not weekdays;
/// - relative years (`last year`, `năm ngoái`, `l'anno scorso`) at year precision, and `tháng 4 năm sau`;
/// - not: quarters (`quý 3/2013`), decades (`những năm 1980`), a bare `11/2021` without a context word;
/// - not: the start of a period (`since June 2024`, `seit dem 5. Juni`, `depuis 2019`, `desde el lunes`,
///   `dal 2019`, `kể từ tháng 6/2024`): it dates the background, not the event.
///
/// Day/month order: day first in every language except English, where `a/b` is month/day when that is a
/// valid date and day/month otherwise (`13/11/2021` is 13 November). English `9/11` alone is never a date.
///
/// A mention without a year takes the year, among the publication year and its neighbours, that puts it
/// closest to publication, with days after publication counting ``Configuration/futurePenalty`` times as
/// much as days before (news mostly reports the past). Without a publication date, mentions without a year
/// and relative mentions cannot be resolved and are left out; ``yearlessDays(in:language:)`` gives the days
/// among them.
///
/// ```swift
/// let published = CalendarDays.day(year: 2021, month: 11, day: 8)
/// DateExtractor().mentions(in: "Tối 7/11, trận đấu ...", language: "vi", publishedDay: published)
/// // [DateMention(text: "Tối 7/11", first: 18938, last: 18938, precision: .day, isRelative: false)]
/// ```
public struct DateExtractor: Sendable {
    /// Tunables of the date extractor.
    public struct Configuration: Sendable {
        /// Offset from UTC, in seconds, of the clock in which a publication `Date` gives its day. Default 0.
        public var utcOffsetSeconds: Int = 0
        /// How many times a day after publication weighs against one before when choosing a missing year.
        /// Default 4: a date without year goes to the future only when that is 4 times closer.
        public var futurePenalty: Int = 4

        public init() {}
    }

    public var configuration: Configuration

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// The dates mentioned in a text, in text order.
    ///
    /// - Parameters:
    ///   - text: The article text (title and body).
    ///   - language: An ISO 639-1 code such as `vi` or `en-US`; nil when unknown.
    ///   - published: The publication instant; its day is taken at ``Configuration/utcOffsetSeconds``.
    /// - Returns: The resolved mentions; those that cannot be resolved are left out.
    /// - Complexity: O(n) in the length of the text.
    public func mentions(in text: String, language: String?, published: Date?) -> [DateMention] {
        dates(in: text, language: language, published: published).mentions
    }

    /// The dates mentioned in a text, resolved against a publication day.
    ///
    /// - Parameters:
    ///   - text: The article text (title and body).
    ///   - language: An ISO 639-1 code such as `vi` or `en-US`; nil when unknown.
    ///   - publishedDay: The local day of publication, if known.
    /// - Returns: The resolved mentions, in text order.
    public func mentions(in text: String, language: String?, publishedDay: DayNumber?) -> [DateMention] {
        dates(in: text, language: language, publishedDay: publishedDay).mentions
    }

    /// The days and months the text names without a year (`ngày 30/1`, `2 juillet`), in text order: what an
    /// article without publication date says of its days, which ``mentions(in:language:publishedDay:)`` cannot
    /// resolve. Period starts are left out, as there, and so are days that exist in no year (`31/11`).
    ///
    /// - Complexity: O(n) in the length of the text.
    public func yearlessDays(in text: String, language: String?) -> [MonthDay] {
        dates(in: text, language: language, publishedDay: nil).yearless.map(\.day)
    }

    /// The dates of a text in one scan: the resolved mentions and, without a publication date, the days named
    /// without a year with their text (``yearlessDays(in:language:)``; with a publication date they resolve into
    /// mentions).
    ///
    /// - Parameters:
    ///   - text: The article text (title and body).
    ///   - language: An ISO 639-1 code such as `vi` or `en-US`; nil when unknown.
    ///   - published: The publication instant; its day is taken at ``Configuration/utcOffsetSeconds``.
    /// - Complexity: O(n) in the length of the text.
    public func dates(in text: String, language: String?, published: Date?) -> (
        mentions: [DateMention], yearless: [YearlessMention]
    ) {
        let day = published.map { CalendarDays.day(of: $0, utcOffsetSeconds: configuration.utcOffsetSeconds) }
        return dates(in: text, language: language, publishedDay: day)
    }

    func dates(in text: String, language: String?, publishedDay: DayNumber?) -> (
        mentions: [DateMention], yearless: [YearlessMention]
    ) {
        let tokens = ExtractToken.tokenize(text)
        let scanner = DateScanner(tokens: tokens, vocabulary: .forLanguage(language))
        // A period's start (`since June 2024`) is background, not the day of the event: left out.
        let matches = scanner.scan().filter { !scanner.startsPeriod($0) }
        func quoted(_ match: DateMatch) -> String {
            let first = tokens[match.tokens.lowerBound].range.lowerBound
            let last = tokens[match.tokens.upperBound - 1].range.upperBound
            return String(text[first..<last])
        }
        let mentions = matches.compactMap { match -> DateMention? in
            guard let span = resolve(match.value, publishedDay: publishedDay) else { return nil }
            return DateMention(
                text: quoted(match), first: span.days.lowerBound, last: span.days.upperBound,
                precision: span.precision, isRelative: span.isRelative)
        }
        guard publishedDay == nil else { return (mentions, []) }
        let yearless = matches.compactMap { match -> YearlessMention? in
            // 2000 is a leap year: 29/2 exists in some year, 31/11 in none.
            guard case .day(nil, let month, let day) = match.value,
                CalendarDays.day(year: 2000, month: month, day: day) != nil
            else { return nil }
            return YearlessMention(text: quoted(match), day: MonthDay(month: month, day: day))
        }
        return (mentions, yearless)
    }

    /// The token ranges of every date pattern in a text, resolvable or not (numbers inside them are not
    /// quantities).
    func dateTokenRanges(in tokens: [ExtractToken], language: String?) -> [Range<Int>] {
        DateScanner(tokens: tokens, vocabulary: .forLanguage(language)).scan().map(\.tokens)
    }

    /// The days a matched pattern means, or nil when it needs a publication day that is missing, or names
    /// a day that does not exist (`31/11`).
    func resolve(_ value: DateMatch.Value, publishedDay: DayNumber?) -> (
        days: ClosedRange<DayNumber>, precision: DatePrecision, isRelative: Bool
    )? {
        switch value {
        case .day(let year, let month, let day):
            let span = nearest(year: year, publishedDay: publishedDay) { year in
                CalendarDays.day(year: year, month: month, day: day).map { $0...$0 }
            }
            return span.map { ($0, .day, false) }
        case .month(let year, let month):
            let span = nearest(year: year, publishedDay: publishedDay) {
                CalendarDays.monthSpan(year: $0, month: month)
            }
            return span.map { ($0, .month, false) }
        case .season(let year, let season):
            return Self.span(of: season, year: year).map { ($0, .season, false) }
        case .year(let year):
            return (CalendarDays.yearSpan(year), .year, false)
        case .relative(let days):
            guard let publishedDay else { return nil }
            return ((publishedDay + days)...(publishedDay + days), .day, true)
        case .weekday(let weekday):
            guard let publishedDay else { return nil }
            let back = (CalendarDays.weekday(of: publishedDay) - weekday + 7) % 7
            return ((publishedDay - back)...(publishedDay - back), .day, true)
        case .weekdayAhead(let weekday):
            guard let publishedDay else { return nil }
            let ahead = (weekday - CalendarDays.weekday(of: publishedDay) + 7) % 7
            return ((publishedDay + ahead)...(publishedDay + ahead), .day, true)
        case .weekdayOfWeek(let weekday, let weeks):
            guard let publishedDay else { return nil }
            let day = publishedDay - (CalendarDays.weekday(of: publishedDay) - 1) + 7 * weeks + weekday - 1
            return (day...day, .day, true)
        case .relativeYear(let years):
            guard let publishedDay else { return nil }
            return (CalendarDays.yearSpan(CalendarDays.date(of: publishedDay).year + years), .year, true)
        case .monthOfYear(let month, let years):
            guard let publishedDay else { return nil }
            let year = CalendarDays.date(of: publishedDay).year + years
            return CalendarDays.monthSpan(year: year, month: month).map { ($0, .month, true) }
        }
    }

    /// The span for a known year, or for the neighbouring year of publication that puts it closest to
    /// publication (days after publication weighted by ``Configuration/futurePenalty``).
    private func nearest(
        year: Int?, publishedDay: DayNumber?, span: (Int) -> ClosedRange<DayNumber>?
    ) -> ClosedRange<DayNumber>? {
        if let year { return span(year) }
        guard let publishedDay else { return nil }
        let publishedYear = CalendarDays.date(of: publishedDay).year
        var best: (cost: Int, span: ClosedRange<DayNumber>)?
        for candidate in (publishedYear - 1)...(publishedYear + 1) {
            guard let days = span(candidate) else { continue }
            let cost: Int
            if days.contains(publishedDay) {
                cost = 0
            } else if days.upperBound < publishedDay {
                cost = publishedDay - days.upperBound
            } else {
                cost = (days.lowerBound - publishedDay) * configuration.futurePenalty
            }
            if best.map({ cost < $0.cost }) ?? true { best = (cost, days) }
        }
        return best?.span
    }

    /// Meteorological seasons: spring March-May, summer June-August, autumn September-November, and
    /// winter Y from 1 December of Y-1 to the end of February of Y (the winter whose new year is Y).
    static func span(of season: DateVocabulary.Season, year: Int) -> ClosedRange<DayNumber>? {
        let (startYear, startMonth, endMonth): (Int, Int, Int)
        switch season {
        case .spring: (startYear, startMonth, endMonth) = (year, 3, 5)
        case .summer: (startYear, startMonth, endMonth) = (year, 6, 8)
        case .autumn: (startYear, startMonth, endMonth) = (year, 9, 11)
        case .winter: (startYear, startMonth, endMonth) = (year - 1, 12, 2)
        }
        guard let first = CalendarDays.monthSpan(year: startYear, month: startMonth),
            let last = CalendarDays.monthSpan(year: season == .winter ? year : startYear, month: endMonth)
        else { return nil }
        return first.lowerBound...last.upperBound
    }
}

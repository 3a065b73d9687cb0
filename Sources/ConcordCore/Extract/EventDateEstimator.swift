import Foundation

/// Estimates the day of the event an article reports, from the dates it mentions and its publication date.
///
/// With a publication day `P`:
/// 1. The candidates are the day-precise mentions (absolute or relative) from `P - lookbackDays` to
///    `P + lookaheadDays`; anything older is background, anything later an announcement.
/// 2. Each candidate votes for its day with weight 1, or ``Configuration/relativeWeight`` for a relative
///    mention (`hôm qua`, `yesterday`, a weekday: the way news dates the event itself), plus
///    ``Configuration/leadBonus`` for the first candidate in the text (the lead). The day with most weight
///    wins; a tie goes to the day nearer publication, then to the earlier day.
/// 3. No candidate: the event date is the publication day (source ``EventDate/Source/published``).
///
/// Without a publication day:
/// 1. The most frequent absolute day-precise mention (`7 novembre 2021`); a tie goes to the latest.
/// 2. Else, when the text names a day without a year (`tối 7/11`): that day, which is stronger evidence than
///    any month, season or year the body names (often background: `hè 2021`, when a player was signed). It is
///    read in the latest year a mention holds it in (``year(of:namedBy:)``: `mùa giải 2022`, `tháng 11/2022`),
///    e.g. `mentioned: tối 7/11 (day), year from 2022`; when no mention holds it, the event date is nil and the
///    caller keeps the yearless day (``yearlessDay(_:)``) to read against the other side's reported date.
/// 3. Else the most frequent of the most precise coarse mentions (month, else season, else year); a tie goes
///    to the latest. Nothing mentioned: nil.
///
/// The source is ``EventDate/Source/mentioned`` when an absolute mention supports the chosen day, and
/// ``EventDate/Source/relative`` when only relative ones do. The evidence quotes the mention, e.g.
/// `mentioned: ngày 7/11 (day)`.
public struct EventDateEstimator: Sendable {
    /// Tunables of the estimator.
    public struct Configuration: Sendable {
        /// Offset from UTC, in seconds, of the clock in which a publication `Date` gives its day. Default 0.
        public var utcOffsetSeconds: Int = 0
        /// How many days before publication a mention can still date the event. Default 7.
        public var lookbackDays: Int = 7
        /// How many days after publication a mention can still date the event (time zones). Default 1.
        public var lookaheadDays: Int = 1
        /// Vote of a relative mention, against 1 for an absolute one. Default 1.5.
        public var relativeWeight: Double = 1.5
        /// Extra vote of the first candidate in the text. Default 0.5.
        public var leadBonus: Double = 0.5

        public init() {}
    }

    public var configuration: Configuration

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// The estimated event date, or nil when neither the mentions nor the publication date say anything.
    ///
    /// - Parameters:
    ///   - mentions: The article's date mentions in text order, as ``DateExtractor`` gives them.
    ///   - published: The publication instant; its day is taken at ``Configuration/utcOffsetSeconds``.
    ///   - yearless: The days the article names without a year, in text order (only an article without
    ///     publication date has them: ``DateExtractor/dates(in:language:published:)``).
    public func estimate(mentions: [DateMention], yearless: [YearlessMention] = [], published: Date?) -> EventDate? {
        let day = published.map { CalendarDays.day(of: $0, utcOffsetSeconds: configuration.utcOffsetSeconds) }
        return estimate(mentions: mentions, yearless: yearless, publishedDay: day)
    }

    /// The estimated event date against a publication day.
    ///
    /// - Parameters:
    ///   - mentions: The article's date mentions in text order.
    ///   - yearless: The days named without a year, in text order; used only without a publication day.
    ///   - publishedDay: The local day of publication, if known.
    /// - Complexity: O(m + y) in the number of mentions and yearless days.
    public func estimate(
        mentions: [DateMention], yearless: [YearlessMention] = [], publishedDay: DayNumber?
    ) -> EventDate? {
        guard let publishedDay else { return undated(mentions, yearless: yearless) }
        let window = (publishedDay - configuration.lookbackDays)...(publishedDay + configuration.lookaheadDays)
        let candidates = mentions.filter { $0.precision == .day && window.contains($0.first) }
        guard let lead = candidates.first else {
            return EventDate(first: publishedDay, last: publishedDay, source: .published, evidence: "published")
        }
        var votes: [DayNumber: Double] = [:]
        for mention in candidates {
            let weight = mention.isRelative ? configuration.relativeWeight : 1
            votes[mention.first, default: 0] += weight
        }
        votes[lead.first, default: 0] += configuration.leadBonus
        // Ties: the day nearer publication, then the earlier day (never the dictionary's order, which changes
        // from process to process).
        let best = votes.max { a, b in
            if a.value != b.value { return a.value < b.value }
            let (da, db) = (abs(a.key - publishedDay), abs(b.key - publishedDay))
            return da != db ? da > db : a.key > b.key
        }
        let day = best?.key ?? lead.first
        let support = candidates.filter { $0.first == day }
        let absolute = support.first { !$0.isRelative }
        let quoted = absolute ?? support.first ?? lead
        return EventDate(
            first: day, last: day, source: absolute == nil ? .relative : .mentioned,
            evidence: Self.evidence(absolute == nil ? "relative" : "mentioned", quoted, count: support.count))
    }

    /// The day and month of the event of an article without publication date whose event date is missing or
    /// coarser than a day, from the days it names without a year (``DateExtractor/yearlessDays(in:language:)``):
    /// the most named, a tie going to the first (the lead). Nil when it names none.
    ///
    /// - Parameter days: The yearless days in text order.
    public func yearlessDay(_ days: [MonthDay]) -> MonthDay? {
        var counts: [MonthDay: Int] = [:]
        for day in days { counts[day, default: 0] += 1 }
        var best: MonthDay?
        for day in days where counts[day, default: 0] > best.map({ counts[$0, default: 0] }) ?? 0 { best = day }
        return best
    }

    /// The year in which to read a day named without a year: the latest year in which a mention of the text
    /// holds the day.
    ///
    /// A year (`mùa giải 2022`, `in 2022`) holds every day of it; a month or season (`tháng 11/2022`,
    /// `novembre 2022`, `winter 2022`, from December 2021) holds the days of its span. A period that does not
    /// hold the day is no reason for its year: one that ends before the day in that year is background
    /// (`hè 2021`, the summer a player was signed, says nothing of the year of `tối 7/11`), and one that starts
    /// after it is as often the background of the next year's day (`ngày 30/1` beside `tháng 12/2024`) as an
    /// outlook. Among the years left, the latest wins (the event is what the text reports, its background is
    /// older). Relative mentions are left out; 29/2 fits only leap years.
    ///
    /// - Parameters:
    ///   - day: The day without its year.
    ///   - mentions: The article's date mentions.
    /// - Returns: The year, or nil when no mention holds the day.
    /// - Complexity: O(m) in the number of mentions.
    public static func year(of day: MonthDay, namedBy mentions: [DateMention]) -> Int? {
        var best: Int?
        for mention in mentions where !mention.isRelative {
            let years = CalendarDays.date(of: mention.first).year...CalendarDays.date(of: mention.last).year
            for year in years {
                guard let placed = CalendarDays.day(year: year, month: day.month, day: day.day),
                    (mention.first...mention.last).contains(placed)
                else { continue }
                best = max(best ?? year, year)
            }
        }
        return best
    }

    /// The event date of an article without publication date.
    private func undated(_ mentions: [DateMention], yearless: [YearlessMention]) -> EventDate? {
        let absolute = mentions.filter { !$0.isRelative }
        if let found = mostNamed(absolute.filter { $0.precision == .day }) { return found }
        if let day = yearlessDay(yearless.map(\.day)) {
            // A named day beats the coarse periods of the body; without a year to read it in, nothing does.
            guard let year = Self.year(of: day, namedBy: absolute),
                let placed = CalendarDays.day(year: year, month: day.month, day: day.day),
                let quoted = yearless.first(where: { $0.day == day })
            else { return nil }
            let count = yearless.count { $0.day == day }
            let mention = DateMention(
                text: quoted.text, first: placed, last: placed, precision: .day, isRelative: false)
            return EventDate(
                first: placed, last: placed, source: .mentioned,
                evidence: Self.evidence("mentioned", mention, count: count) + ", year from \(year)")
        }
        for precision in DatePrecision.allCases where precision != .day {
            if let found = mostNamed(absolute.filter { $0.precision == precision }) { return found }
        }
        return nil
    }

    /// The most frequent span among mentions of one precision, a tie going to the latest; nil when none.
    private func mostNamed(_ group: [DateMention]) -> EventDate? {
        var counts: [ClosedRange<DayNumber>: Int] = [:]
        for mention in group { counts[mention.first...mention.last, default: 0] += 1 }
        guard
            let best = counts.max(by: { a, b in
                a.value != b.value ? a.value < b.value : a.key.lowerBound < b.key.lowerBound
            }),
            let quoted = group.first(where: { $0.first == best.key.lowerBound && $0.last == best.key.upperBound })
        else { return nil }
        return EventDate(
            first: best.key.lowerBound, last: best.key.upperBound, source: .mentioned,
            evidence: Self.evidence("mentioned", quoted, count: best.value))
    }

    private static func evidence(_ kind: String, _ mention: DateMention, count: Int) -> String {
        let base = "\(kind): \(mention.text) (\(mention.precision.rawValue))"
        return count > 1 ? base + ", \(count) mentions" : base
    }
}

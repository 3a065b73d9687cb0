/// A day as a count of days since 1970-01-01 (proleptic Gregorian, no time zone).
///
/// Day numbers make date arithmetic exact and cheap: the gap between two days is a subtraction.
public typealias DayNumber = Int

/// How precisely a date mention pins down the day.
public enum DatePrecision: String, Sendable, Hashable, Codable, CaseIterable {
    case day
    case month
    case season
    case year
}

/// A date mentioned in an article, resolved to a range of days.
///
/// `first...last` is the span of days the mention can mean: one day for `7 novembre 2021`, a month for
/// `November 2021`, three months for `hè 2021`. Relative mentions (`yesterday`, `ieri`, `hôm qua`) are
/// resolved against the publication date and flagged as relative.
public struct DateMention: Sendable, Hashable, Codable {
    /// The text as it stands in the article, e.g. `tối 7/11`.
    public var text: String
    /// The first day the mention can mean.
    public var first: DayNumber
    /// The last day the mention can mean (equal to `first` for a day-precise mention).
    public var last: DayNumber
    public var precision: DatePrecision
    /// True when resolved relative to the publication date (`yesterday`, `hôm qua`, a weekday name).
    public var isRelative: Bool

    public init(text: String, first: DayNumber, last: DayNumber, precision: DatePrecision, isRelative: Bool) {
        self.text = text
        self.first = first
        self.last = last
        self.precision = precision
        self.isRelative = isRelative
    }

    /// True when the two mentions can mean a common day.
    public func overlaps(_ other: DateMention) -> Bool {
        first <= other.last && other.first <= last
    }
}

/// The estimated day of the event an article reports, with the evidence for it.
public struct EventDate: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        /// From a date mentioned in the text.
        case mentioned
        /// From a relative mention resolved against the publication date.
        case relative
        /// The publication date itself (nothing better in the text).
        case published
    }

    public var first: DayNumber
    public var last: DayNumber
    public var source: Source
    /// Human-readable evidence, e.g. `"mentioned: ngày 7/11 (day)"`.
    public var evidence: String

    public init(first: DayNumber, last: DayNumber, source: Source, evidence: String) {
        self.first = first
        self.last = last
        self.source = source
        self.evidence = evidence
    }
}

/// A day of the year without its year (`ngày 30/1`, `2 juillet`): what an article without publication date
/// can say of its event's day.
///
/// It takes a year only against a dated reference (``nearest(to:)``): two such days alone cannot be compared,
/// since nothing says they fall in the same year.
public struct MonthDay: Sendable, Hashable, Codable {
    /// 1...12.
    public var month: Int
    /// 1...31.
    public var day: Int

    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// The day with this month and day nearest to `reference`: in its year, the year before or the year after
    /// (nil only for a day that exists in none of them).
    public func nearest(to reference: DayNumber) -> DayNumber? {
        let year = CalendarDays.date(of: reference).year
        return ((year - 1)...(year + 1)).compactMap { CalendarDays.day(year: $0, month: month, day: day) }
            .min { abs($0 - reference) < abs($1 - reference) }
    }

    /// `30/1`: day first.
    public var text: String { "\(day)/\(month)" }
}

/// A day named without a year, as the text says it (`tối 7/11`, `2 juillet`): what
/// ``DateExtractor/dates(in:language:published:)`` finds in an article without publication date.
public struct YearlessMention: Sendable, Hashable {
    /// The text as it stands in the article, e.g. `tối 7/11`.
    public var text: String
    public var day: MonthDay

    public init(text: String, day: MonthDay) {
        self.text = text
        self.day = day
    }
}

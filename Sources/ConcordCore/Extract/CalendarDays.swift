import Foundation

/// Day-number arithmetic on the proleptic Gregorian calendar, without Foundation's `Calendar`.
///
/// A ``DayNumber`` counts days since 1970-01-01, so day 0 is a Thursday. The conversions use the
/// civil-from-days algorithm (eras of 400 years), exact for any year representable in an `Int`.
///
/// ```swift
/// let day = CalendarDays.day(year: 2021, month: 11, day: 7)   // 18938
/// CalendarDays.date(of: 18938)                               // (2021, 11, 7)
/// CalendarDays.weekday(of: 18938)                            // 7 (Sunday)
/// ```
public enum CalendarDays {
    /// True for a leap year of the Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month, or 0 when `month` is not in `1...12`.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// The day number of a calendar date, or nil when the date does not exist (`31/11`, `29/2/2021`).
    ///
    /// - Parameters:
    ///   - year: The Gregorian year, e.g. 2021.
    ///   - month: The month, 1...12.
    ///   - day: The day of the month, 1...31.
    /// - Returns: Days since 1970-01-01, or nil for an invalid date.
    public static func day(year: Int, month: Int, day: Int) -> DayNumber? {
        guard day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of a day number.
    ///
    /// - Parameter dayNumber: Days since 1970-01-01.
    /// - Returns: The year, month (1...12) and day of the month (1...31).
    public static func date(of dayNumber: DayNumber) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The day as `YYYY-MM-DD`.
    public static func isoString(_ dayNumber: DayNumber) -> String {
        let (y, m, d) = date(of: dayNumber)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// The ISO weekday of a day number: 1 is Monday, 7 is Sunday.
    public static func weekday(of dayNumber: DayNumber) -> Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let offset = (dayNumber + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// The local day of an instant, seen at a fixed offset from UTC.
    ///
    /// - Parameters:
    ///   - date: The instant, e.g. a publication time.
    ///   - utcOffsetSeconds: The offset of the local clock from UTC in seconds (`+7 h` is 25,200). Default 0.
    /// - Returns: The day number of the local calendar day containing `date`.
    public static func day(of date: Date, utcOffsetSeconds: Int = 0) -> DayNumber {
        let seconds = (date.timeIntervalSince1970 + Double(utcOffsetSeconds)).rounded(.down)
        return Int((seconds / 86_400).rounded(.down))
    }

    /// The first and last day of a month.
    public static func monthSpan(year: Int, month: Int) -> ClosedRange<DayNumber>? {
        guard let first = day(year: year, month: month, day: 1) else { return nil }
        return first...(first + daysInMonth(year: year, month: month) - 1)
    }

    /// The first and last day of a year.
    public static func yearSpan(_ year: Int) -> ClosedRange<DayNumber> {
        let first = day(year: year, month: 1, day: 1) ?? 0
        return first...(first + (isLeapYear(year) ? 365 : 364))
    }
}

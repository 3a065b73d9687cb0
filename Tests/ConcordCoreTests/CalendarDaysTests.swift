import ConcordCore
import Foundation
import Testing

@Suite("Calendar days")
struct CalendarDaysTests {
    /// (year, month, day, day number, ISO weekday), reference values from an independent calendar.
    static let known: [(Int, Int, Int, DayNumber, Int)] = [
        (1970, 1, 1, 0, 4),
        (1969, 12, 31, -1, 3),
        (2000, 3, 1, 11_017, 3),
        (2021, 11, 7, 18_938, 7),
        (2024, 2, 29, 19_782, 4),
        (1900, 1, 1, -25_567, 1),
        (2099, 12, 31, 47_481, 4),
    ]

    @Test("Day numbers, dates and weekdays agree with reference values", arguments: known)
    func knownDays(year: Int, month: Int, day: Int, number: DayNumber, weekday: Int) {
        #expect(CalendarDays.day(year: year, month: month, day: day) == number)
        let back = CalendarDays.date(of: number)
        #expect(back.year == year && back.month == month && back.day == day)
        #expect(CalendarDays.weekday(of: number) == weekday)
    }

    @Test(
        "Dates that do not exist have no day number",
        arguments: [(2021, 2, 29), (2021, 11, 31), (2021, 13, 1), (2021, 0, 5), (2100, 2, 29)])
    func invalidDates(year: Int, month: Int, day: Int) {
        #expect(CalendarDays.day(year: year, month: month, day: day) == nil)
    }

    @Test("Every day from 1899 to 2101 round-trips")
    func roundTrip() throws {
        let start = try #require(CalendarDays.day(year: 1899, month: 1, day: 1))
        let end = try #require(CalendarDays.day(year: 2101, month: 12, day: 31))
        var failures = 0
        var previousMonthDay = 0
        for number in start...end {
            let date = CalendarDays.date(of: number)
            if CalendarDays.day(year: date.year, month: date.month, day: date.day) != number { failures += 1 }
            // Consecutive days either continue the month or start a new one.
            if date.day != previousMonthDay + 1, date.day != 1 { failures += 1 }
            previousMonthDay = date.day
        }
        #expect(failures == 0)
    }

    @Test("The local day of an instant depends on the UTC offset")
    func localDay() {
        // 2021-11-07T20:00:00Z is still 7 November in UTC and New York, but 8 November in Hanoi.
        let instant = Date(timeIntervalSince1970: Double(18_938 * 86_400 + 20 * 3_600))
        #expect(CalendarDays.day(of: instant) == 18_938)
        #expect(CalendarDays.day(of: instant, utcOffsetSeconds: 7 * 3_600) == 18_939)
        #expect(CalendarDays.day(of: instant, utcOffsetSeconds: -5 * 3_600) == 18_938)
    }

    @Test("Month and year spans")
    func spans() {
        #expect(CalendarDays.monthSpan(year: 2021, month: 2)?.count == 28)
        #expect(CalendarDays.monthSpan(year: 2024, month: 2)?.count == 29)
        #expect(CalendarDays.yearSpan(2024).count == 366)
        #expect(CalendarDays.yearSpan(2021).lowerBound == CalendarDays.day(year: 2021, month: 1, day: 1))
    }
}

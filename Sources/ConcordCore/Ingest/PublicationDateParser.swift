import Foundation

/// Parses publication dates in the formats feeds and crawlers write.
///
/// Accepted: ISO 8601 (`2021-10-18T16:15:00-07:00`, `2021-10-18T16:15:00Z`, fractional seconds),
/// `2021-10-18 16:15:00` (news-please; read as UTC), `2021-10-18`, `18/10/2021`, `18.10.2021`,
/// RFC 2822 (`Mon, 18 Oct 2021 16:15:00 +0000`), and Unix seconds. A time without a zone is UTC.
public enum PublicationDateParser {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// True for the values feeds write for "no date" (`null`, `None`, `NaN`, empty).
    public static func isNullLike(_ raw: String) -> Bool {
        ["", "none", "null", "nan", "nat", "-"].contains(raw.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The date, or nil when the string is not a date this parser knows.
    /// 10000-01-01T00:00:00Z: dates are read up to the year 9999.
    static let latestSeconds = 253_402_300_800.0

    public static func parse(_ raw: String) -> Date? {
        let s = raw.trimmingCharacters(in: .whitespaces)
        if isNullLike(s) { return nil }
        if let seconds = Double(s), s.allSatisfy({ $0.isNumber || $0 == "." }), seconds > 1e8 {
            // Seconds, or milliseconds past 1e11; nothing past the year 9999 is a publication time.
            let t = seconds > 1e11 ? seconds / 1000 : seconds
            return t < latestSeconds ? Date(timeIntervalSince1970: t) : nil
        }
        if let d = parseNumeric(s) { return d }
        return parseRFC2822(s)
    }

    /// `Y-M-D[ T]h:m[:s[.f]][Z|±hh[:]mm]`, `D/M/Y`, `D.M.Y`.
    static func parseNumeric(_ s: String) -> Date? {
        let chars = Array(s.utf8)
        var i = 0
        func number(maxDigits: Int) -> Int? {
            var v = 0, n = 0
            while i < chars.count, n < maxDigits, chars[i] >= 48, chars[i] <= 57 {
                v = v * 10 + Int(chars[i] - 48)
                i += 1
                n += 1
            }
            return n == 0 ? nil : v
        }
        guard let a = number(maxDigits: 4), i < chars.count else { return nil }
        let sep = chars[i]
        var year: Int, month: Int, day: Int
        if sep == UInt8(ascii: "-"), i == 4 {
            i += 1
            guard let m = number(maxDigits: 2), i < chars.count, chars[i] == UInt8(ascii: "-") else { return nil }
            i += 1
            guard let d = number(maxDigits: 2) else { return nil }
            (year, month, day) = (a, m, d)
        } else if sep == UInt8(ascii: "/") || sep == UInt8(ascii: "."), i <= 2 {
            i += 1
            guard let m = number(maxDigits: 2), i < chars.count, chars[i] == sep else { return nil }
            i += 1
            guard let y = number(maxDigits: 4), y >= 1000 else { return nil }
            (year, month, day) = (y, m, a)
        } else {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        var hour = 0, minute = 0, second = 0.0, offset = 0
        if i < chars.count, chars[i] == UInt8(ascii: "T") || chars[i] == UInt8(ascii: " ") {
            i += 1
            guard let h = number(maxDigits: 2), i < chars.count, chars[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            guard let mi = number(maxDigits: 2) else { return nil }
            (hour, minute) = (h, mi)
            if i < chars.count, chars[i] == UInt8(ascii: ":") {
                i += 1
                guard let sec = number(maxDigits: 2) else { return nil }
                second = Double(sec)
                if i < chars.count, chars[i] == UInt8(ascii: ".") {
                    i += 1
                    let start = i
                    _ = number(maxDigits: 9)
                    if let frac = Double("0." + String(decoding: chars[start..<i], as: UTF8.self)) { second += frac }
                }
            }
            while i < chars.count, chars[i] == UInt8(ascii: " ") { i += 1 }
            if i < chars.count {
                if chars[i] == UInt8(ascii: "Z") {
                    i += 1
                } else if chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") {
                    let sign = chars[i] == UInt8(ascii: "+") ? 1 : -1
                    i += 1
                    guard let oh = number(maxDigits: 2) else { return nil }
                    var om = 0
                    if i < chars.count, chars[i] == UInt8(ascii: ":") { i += 1 }
                    if let m = number(maxDigits: 2) { om = m }
                    offset = sign * (oh * 3600 + om * 60)
                } else if String(decoding: chars[i...], as: UTF8.self).uppercased() == "UTC" {
                    i = chars.count
                }
            }
        }
        guard i == chars.count, hour < 24, minute < 60 else { return nil }
        guard let days = CalendarDays.day(year: year, month: month, day: day) else { return nil }
        let seconds = Double(days) * 86_400 + Double(hour * 3600 + minute * 60) + second - Double(offset)
        return Date(timeIntervalSince1970: seconds)
    }

    /// `Mon, 18 Oct 2021 16:15:00 +0000` (the weekday is optional; GMT/UTC/Z or a numeric zone).
    static func parseRFC2822(_ s: String) -> Date? {
        var parts = s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if let first = parts.first, first.count >= 3, Int(first) == nil, first.first?.isLetter == true,
            !months.contains(first.prefix(3).lowercased())
        {
            parts.removeFirst()
        }
        guard parts.count >= 3, let day = Int(parts[0]),
            let month = months.firstIndex(of: parts[1].prefix(3).lowercased()), let year = Int(parts[2])
        else { return nil }
        guard let days = CalendarDays.day(year: year, month: month + 1, day: day) else { return nil }
        var seconds = Double(days) * 86_400
        if parts.count >= 4 {
            let hms = parts[3].split(separator: ":").compactMap { Int($0) }
            guard hms.count >= 2 else { return nil }
            seconds += Double(hms[0] * 3600 + hms[1] * 60 + (hms.count > 2 ? hms[2] : 0))
        }
        if parts.count >= 5, let zone = Int(parts[4]), parts[4].count == 5 {
            let sign = zone < 0 ? -1 : 1
            let z = abs(zone)
            seconds -= Double(sign * ((z / 100) * 3600 + (z % 100) * 60))
        }
        return Date(timeIntervalSince1970: seconds)
    }
}

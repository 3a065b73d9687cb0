/// Vietnamese date patterns: `ngày 7 tháng 11 năm 2021`, `tháng 11/2021`, `tháng 11`, `mùa hè năm 2021`,
/// `hè 2021`, `thứ Hai`, `thứ 2`, `Chủ nhật`.
extension DateScanner {
    /// Words before a lower-case `thứ hai` or `thứ 2` that make it a weekday, not an ordinal (`lần thứ hai`).
    static let vietnameseWeekdayContext: Set<String> = [
        "sáng", "trưa", "chiều", "tối", "đêm", "khuya", "vào", "hôm", "rạng",
    ]
    /// Year words after `năm` (`tháng 4 năm sau`), as offsets from the publication year.
    static let vietnameseYearOffsets: [String: Int] = ["nay": 0, "sau": 1, "tới": 1, "ngoái": -1, "trước": -1]
    /// Week words after `tuần` (`thứ Sáu tuần trước`), as offsets from the publication week.
    static let vietnameseWeekOffsets: [String: Int] = ["này": 0, "sau": 1, "tới": 1, "trước": -1, "qua": -1]

    func vietnameseDate(at index: Int) -> [DateMatch]? {
        switch tokens[index].lower {
        case "ngày": return vietnameseDay(at: index).map { [$0] }
        case "tháng": return vietnameseMonth(at: index).map { [$0] }
        case "mùa":
            guard let season = tokens.token(at: index + 1).flatMap({ vocabulary.seasons[$0.lower] }),
                let found = vietnameseSeason(season, yearAt: index + 2, from: index)
            else { return nil }
            return [found]
        case "hè":
            return vietnameseSeason(.summer, yearAt: index + 1, from: index).map { [$0] }
        case "thứ":
            return vietnameseWeekday(at: index)
        case "chủ":
            guard tokens.isWord(index + 1, in: ["nhật"]) else { return nil }
            return [explicitDate(after: index + 2, from: index) ?? weekdayOfWeek(7, wordsAt: index + 2, from: index)]
        default:
            return nil
        }
    }

    /// A month number 1...12 standing alone at `index`.
    private func monthNumber(at index: Int) -> Int? {
        guard let day = dayOfMonth(at: index), (1...12).contains(day), let chain = chain(at: index),
            !isGlued(after: chain)
        else { return nil }
        return day
    }

    /// `ngày 7 tháng 11`, `ngày 7 tháng 11 năm 2021`, `ngày 7 tháng 11/2021`.
    private func vietnameseDay(at index: Int) -> DateMatch? {
        guard let day = dayOfMonth(at: index + 1), tokens.isWord(index + 2, in: ["tháng"]),
            let month = monthNumber(at: index + 3) ?? leadingMonth(at: index + 3)
        else { return nil }
        var end = index + 4
        var year: Int?
        if tokens.isWord(end, in: ["năm"]), let found = self.year(at: end + 1) {
            year = found
            end += 2
        } else if let chain = chain(at: index + 3), chain.numbers.count == 2, let found = monthYear(chain) {
            year = found.year
            end = chain.end
        }
        return dayMatch(year: year, month: month, day: day, range: index..<end)
    }

    /// The month of a `11/2021` chain at `index` (for `ngày 7 tháng 11/2021`).
    private func leadingMonth(at index: Int) -> Int? {
        guard let chain = chain(at: index), chain.numbers.count == 2 else { return nil }
        return monthYear(chain)?.month
    }

    /// `11/2021`, `11-2021` or `11.2021` as month and year.
    private func monthYear(_ chain: NumberChain) -> (month: Int, year: Int)? {
        let values = chain.values
        guard chain.numbers.count == 2, chain.digitCounts[0] <= 2, chain.digitCounts[1] == 4,
            (1...12).contains(values[0]), Self.validYears.contains(values[1]), !isGlued(after: chain)
        else { return nil }
        return (values[0], values[1])
    }

    /// `tháng 11`, `tháng 11 năm 2021`, `tháng 11/2021`; not the duration `3 tháng`.
    private func vietnameseMonth(at index: Int) -> DateMatch? {
        if let previous = tokens.token(at: index - 1), previous.kind == .number { return nil }
        if let chain = chain(at: index + 1), chain.numbers.count == 2, let found = monthYear(chain) {
            return DateMatch(value: .month(year: found.year, month: found.month), tokens: index..<chain.end)
        }
        let named = tokens.isWord(index + 1, in: ["giêng"]) ? 1 : nil
        guard let month = named ?? monthNumber(at: index + 1) else { return nil }
        if tokens.isWord(index + 2, in: ["năm"]), let year = year(at: index + 3) {
            return DateMatch(value: .month(year: year, month: month), tokens: index..<(index + 4))
        }
        if tokens.isWord(index + 2, in: ["năm"]), let word = tokens.token(at: index + 3), word.kind == .word,
            let years = Self.vietnameseYearOffsets[word.lower]
        {
            return DateMatch(value: .monthOfYear(month: month, years: years), tokens: index..<(index + 4))
        }
        return DateMatch(value: .month(year: nil, month: month), tokens: index..<(index + 2))
    }

    private func vietnameseSeason(_ season: DateVocabulary.Season, yearAt index: Int, from start: Int) -> DateMatch? {
        var probe = index
        if tokens.isWord(probe, in: ["năm"]) { probe += 1 }
        guard let year = year(at: probe) else { return nil }
        return DateMatch(value: .season(year: year, season: season), tokens: start..<(probe + 1))
    }

    /// `thứ Hai`, `thứ 2` after a time word (`sáng thứ 2`), or lower-case `thứ hai` after one.
    private func vietnameseWeekday(at index: Int) -> [DateMatch]? {
        guard let next = tokens.token(at: index + 1) else { return nil }
        let inContext = tokens.isWord(index - 1, in: Self.vietnameseWeekdayContext)
        let weekday: Int
        if next.kind == .word, let number = vocabulary.weekdays[next.lower], next.isCapitalized || inContext {
            weekday = number
        } else if next.kind == .number, inContext, let number = dayOfMonth(at: index + 1), (2...7).contains(number) {
            weekday = number - 1
        } else {
            return nil
        }
        return [explicitDate(after: index + 2, from: index) ?? weekdayOfWeek(weekday, wordsAt: index + 2, from: index)]
    }

    /// A weekday, or a weekday of a given week when `tuần trước`, `tuần này` or `tuần tới` follows.
    private func weekdayOfWeek(_ weekday: Int, wordsAt index: Int, from start: Int) -> DateMatch {
        if tokens.isWord(index, in: ["tuần"]), let word = tokens.token(at: index + 1), word.kind == .word,
            let weeks = Self.vietnameseWeekOffsets[word.lower]
        {
            return DateMatch(value: .weekdayOfWeek(weekday: weekday, weeks: weeks), tokens: start..<(index + 2))
        }
        if tokens.isWord(index, in: ["tới"]) {
            return DateMatch(value: .weekdayAhead(weekday), tokens: start..<(index + 1))
        }
        return DateMatch(value: .weekday(weekday), tokens: start..<index)
    }
}

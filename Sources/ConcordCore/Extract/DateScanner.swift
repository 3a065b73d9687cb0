/// A date found in text before it is resolved to days: what the words say, and which tokens say it.
struct DateMatch: Sendable, Equatable {
    enum Value: Sendable, Equatable {
        /// A calendar day; the year is nil when the text omits it (`7/11`, `7 novembre`).
        case day(year: Int?, month: Int, day: Int)
        /// A month; the year is nil for a bare Vietnamese `tháng 11`.
        case month(year: Int?, month: Int)
        case season(year: Int, season: DateVocabulary.Season)
        case year(Int)
        /// Days from publication (`yesterday` is -1).
        case relative(days: Int)
        /// An ISO weekday (1 = Monday), meaning the latest such day on or before publication.
        case weekday(Int)
        /// An ISO weekday meaning the earliest such day on or after publication (`next Monday`).
        case weekdayAhead(Int)
        /// A weekday in the week `weeks` away from the week of publication (`thứ Sáu tuần trước`).
        case weekdayOfWeek(weekday: Int, weeks: Int)
        /// The year `years` away from the year of publication (`last year`, `năm ngoái`).
        case relativeYear(years: Int)
        /// A month of the year `years` away from publication (`tháng 4 năm sau`).
        case monthOfYear(month: Int, years: Int)
    }

    var value: Value
    /// The tokens of the mention, context words included when they belong to its text (`tối 7/11`).
    var tokens: Range<Int>
}

/// A run of numbers joined by one separator, as in `7/11/2021`, `07.11.2021` or `2-1`.
struct NumberChain: Sendable {
    var numbers: [ExtractToken]
    var separator: Character?
    /// Token index of the first number.
    var start: Int
    /// Token index just past the last number.
    var end: Int

    var values: [Int] { numbers.map { $0.intValue ?? -1 } }
    var digitCounts: [Int] { numbers.map { $0.text.count } }
}

/// Finds date patterns in a token stream. Word-based patterns live in `DateScanner+Words.swift`.
///
/// Scanning is greedy from left to right: at each token the longest-known pattern wins and scanning
/// resumes after it, so `ngày 7 tháng 11 năm 2021` is one day mention, not a day and a year.
struct DateScanner {
    let tokens: [ExtractToken]
    let vocabulary: DateVocabulary

    static let chainSeparators: Set<Character> = ["/", ".", "-", "–"]
    static let validYears = 1900...2099
    /// Words before a number that make it a label, not a date (`số 1/2021`, `No. 11/2021`).
    static let labelWords: Set<String> = ["số", "no", "nr", "n", "art", "article", "điều", "khoản"]
    /// Words before a bare `11/2021` that make it a month (`từ 3/1947`, `in 11/2021`); without one it may be a
    /// quarter (`quý 3/2013`), a batch (`đợt 1/2013`) or a document number.
    static let monthYearContext: Set<String> = [
        "từ", "đến", "vào", "trong", "cuối", "đầu", "giữa", "hồi", "tới", "sang", "since", "in", "until", "from",
        "to", "by", "dal", "al", "nel", "fino", "depuis", "en", "jusqu", "desde", "hasta", "seit", "im", "ab", "bis",
    ]

    /// All date matches, in text order.
    ///
    /// - Complexity: O(n) in the number of tokens.
    func scan() -> [DateMatch] {
        var matches: [DateMatch] = []
        var index = 0
        while index < tokens.count {
            let found = match(at: index)
            if let last = found.last {
                matches.append(contentsOf: found)
                index = max(last.tokens.upperBound, index + 1)
            } else {
                index += 1
            }
        }
        return matches
    }

    /// True when the match is the start of a period (`since June 2024`, `seit dem 5. Juni`, `kể từ tháng 6/2024`):
    /// one of the vocabulary's period-start phrases ends right before it, or before one filler word or
    /// apostrophe (`dall'8 maggio`).
    func startsPeriod(_ match: DateMatch) -> Bool {
        guard !vocabulary.periodStarts.isEmpty else { return false }
        var end = match.tokens.lowerBound
        if tokens.isWord(end - 1, in: vocabulary.periodFillers) || tokens.isSymbol(end - 1, "'")
            || tokens.isSymbol(end - 1, "’")
        {
            end -= 1
        }
        return vocabulary.periodStarts.contains { phrase in
            let start = end - phrase.count
            guard start >= 0 else { return false }
            return phrase.indices.allSatisfy { tokens.isWord(start + $0, in: [phrase[$0]]) }
        }
    }

    private func match(at index: Int) -> [DateMatch] {
        switch tokens[index].kind {
        case .number:
            if let found = numericDateMatch(at: index) { return [found] }
            return dayFirstNamed(at: index)
        case .word:
            return wordDate(at: index)
        case .symbol:
            return parenthesized(at: index).map { [$0] } ?? []
        }
    }

    // MARK: - Number chains

    /// The chain starting at `index`, or nil when `index` is not a number starting a chain (a number
    /// joined to a letter, as in `COVID-19` or `A320`, or in the middle of a chain).
    func chain(at index: Int) -> NumberChain? {
        guard let first = tokens.token(at: index), first.kind == .number else { return nil }
        if first.isJoined, let previous = tokens.token(at: index - 1) {
            if previous.kind == .word { return nil }
            if previous.kind == .symbol, "/.-–:,".contains(previous.text),
                previous.isJoined, tokens.token(at: index - 2)?.kind == .number
            {
                return nil
            }
        }
        var result = NumberChain(numbers: [first], separator: nil, start: index, end: index + 1)
        var next = index + 1
        while let symbol = tokens.token(at: next), symbol.kind == .symbol, symbol.isJoined,
            let separator = symbol.text.first, Self.chainSeparators.contains(separator),
            result.separator == nil || result.separator == separator,
            let number = tokens.token(at: next + 1), number.kind == .number, number.isJoined
        {
            result.separator = separator
            result.numbers.append(number)
            next += 2
            result.end = next
        }
        return result
    }

    /// True when the token after a chain glues it to more text (`7/11am`, `1.200,5`), which rules out a date.
    func isGlued(after chain: NumberChain) -> Bool {
        guard let next = tokens.token(at: chain.end), next.isJoined else { return false }
        if next.kind != .symbol { return true }
        if let after = tokens.token(at: chain.end + 1), after.isJoined, after.kind == .number { return true }
        return false
    }

    /// A numeric date with a year (`2021-11-07`, `7/11/2021`, `07.11.21`) or a Vietnamese month `11/2021`.
    func numericDateMatch(at index: Int) -> DateMatch? {
        guard let chain = chain(at: index), chain.numbers.count >= 2, !isGlued(after: chain) else { return nil }
        let values = chain.values
        let digits = chain.digitCounts
        let range = chain.start..<chain.end
        if chain.numbers.count == 3 {
            if digits[0] == 4, digits[1] <= 2, digits[2] <= 2, Self.validYears.contains(values[0]) {
                return dayMatch(year: values[0], month: values[1], day: values[2], range: range)
            }
            guard digits[0] <= 2, digits[1] <= 2, chain.separator != "–" else { return nil }
            let year: Int
            if digits[2] == 4, Self.validYears.contains(values[2]) {
                year = values[2]
            } else if digits[2] == 2, chain.separator == "/" || chain.separator == "." {
                year = values[2] < 50 ? 2000 + values[2] : 1900 + values[2]
            } else {
                return nil
            }
            guard let (month, day) = dayMonthOrder(values[0], values[1]) else { return nil }
            return dayMatch(year: year, month: month, day: day, range: range)
        }
        if chain.numbers.count == 2, chain.separator == "/", digits[0] <= 2, digits[1] == 4,
            (1...12).contains(values[0]), Self.validYears.contains(values[1]),
            tokens.isWord(index - 1, in: Self.monthYearContext)
        {
            return DateMatch(value: .month(year: values[1], month: values[0]), tokens: range)
        }
        return nil
    }

    /// A day and month without year (`7/11`), accepted only after a context word or inside parentheses.
    func dayMonth(chain: NumberChain) -> (month: Int, day: Int)? {
        guard chain.numbers.count == 2, let separator = chain.separator,
            vocabulary.dayMonthSeparators.contains(separator), chain.digitCounts.allSatisfy({ $0 <= 2 })
        else { return nil }
        if isGlued(after: chain), !(separator == "." && tokens.isSymbol(chain.end, ".")) { return nil }
        let values = chain.values
        // `9/11` in English names an attack, not a day of the current year.
        if vocabulary.monthFirst, values == [9, 11] { return nil }
        return dayMonthOrder(values[0], values[1])
    }

    /// Month and day from two numbers, day first except in month-first languages (English), where
    /// `a/b` is month/day when valid and day/month when only that is valid (`13/11`).
    func dayMonthOrder(_ a: Int, _ b: Int) -> (month: Int, day: Int)? {
        func valid(month: Int, day: Int) -> Bool { (1...12).contains(month) && (1...31).contains(day) }
        if vocabulary.monthFirst, valid(month: a, day: b) { return (a, b) }
        if valid(month: b, day: a) { return (b, a) }
        return nil
    }

    func dayMatch(year: Int?, month: Int, day: Int, range: Range<Int>) -> DateMatch? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return DateMatch(value: .day(year: year, month: month, day: day), tokens: range)
    }

    /// `(7/11)`: a day and month alone in parentheses, a common way to date a weekday or `hôm qua`.
    private func parenthesized(at index: Int) -> DateMatch? {
        guard tokens.isSymbol(index, "("), let chain = chain(at: index + 1), chain.start == index + 1,
            let (month, day) = dayMonth(chain: chain),
            tokens.isSymbol(chain.end, ")") || tokens.isSymbol(chain.end, ",")
        else { return nil }
        return dayMatch(year: nil, month: month, day: day, range: chain.start..<chain.end)
    }

    /// A 4-digit year standing alone at `index` (not `2,021` or `2021.5`), or nil.
    func year(at index: Int) -> Int? {
        guard let chain = chain(at: index), chain.numbers.count == 1, chain.digitCounts[0] == 4,
            Self.validYears.contains(chain.values[0])
        else { return nil }
        if let next = tokens.token(at: index + 1), next.isJoined {
            if next.kind != .symbol || next.text == "%" { return nil }
            if next.text == ",", tokens.token(at: index + 2)?.isJoined == true { return nil }
        }
        return chain.values[0]
    }

    /// A day of the month (1...31, one or two digits) standing alone at `index`, or nil.
    func dayOfMonth(at index: Int) -> Int? {
        guard let chain = chain(at: index), chain.numbers.count == 1, chain.digitCounts[0] <= 2,
            (1...31).contains(chain.values[0])
        else { return nil }
        return chain.values[0]
    }
}

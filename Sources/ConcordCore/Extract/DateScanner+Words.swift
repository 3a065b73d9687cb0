/// Date patterns that start with, or hinge on, a word: month names, seasons, weekdays, relative words,
/// and context words before a bare `7/11` or `2021`.
extension DateScanner {
    /// Ordinal suffixes glued to a day number (`7th`, `1er`, `1º` is a symbol).
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "re", "e", "ème"]
    /// Words allowed between a weekday and the date that pins it (`Monday, the 8th`, `lunedì 8`).
    static let weekdayFillers: Set<String> = ["the", "le", "il", "el", "den", "der", "ngày"]

    /// Words before a weekday that make a feast or a name of it.
    static let weekdayNamePrefixes: Set<String> = [
        "good", "black", "cyber", "bloody", "holy", "ash", "super", "maundy", "easter", "palm",
    ]
    /// Words after a weekday that make a feast or a name of it.
    static let weekdayNameSuffixes: Set<String> = ["santo", "santa", "saint", "sainte", "gras", "grasso"]

    /// All word-led patterns at `index`, in order of specificity.
    func wordDate(at index: Int) -> [DateMatch] {
        if let found = relative(at: index) {
            // `hôm nay 1/11`: the relative word dates a bare day right after it.
            if vocabulary.vietnamese, let chain = chain(at: found.tokens.upperBound),
                let (month, day) = dayMonth(chain: chain),
                let explicit = dayMatch(year: nil, month: month, day: day, range: chain.start..<chain.end)
            {
                return [found, explicit]
            }
            return [found]
        }
        if vocabulary.vietnamese, let found = vietnameseDate(at: index) { return found }
        if let found = contextual(at: index) { return [found] }
        let named = monthFirst(at: index)
        if !named.isEmpty { return named }
        if let found = season(at: index) ?? yearInContext(at: index) { return [found] }
        return weekday(at: index)
    }

    /// The month named at `index` (respecting capitalization and dotted abbreviations) and the index after it.
    func monthName(at index: Int) -> (month: Int, end: Int)? {
        guard let token = tokens.token(at: index), token.kind == .word else { return nil }
        if vocabulary.namesNeedCapital, !token.isCapitalized { return nil }
        if let month = vocabulary.months[token.lower] { return (month, index + 1) }
        if let month = vocabulary.dottedMonths[token.lower], tokens.isSymbol(index + 1, "."),
            tokens.token(at: index + 1)?.isJoined == true
        {
            return (month, index + 2)
        }
        return nil
    }

    /// Skips a period glued to the previous token (`Nov.`, `7.`).
    func skippingDot(_ index: Int) -> Int {
        tokens.isSymbol(index, ".") && tokens.token(at: index)?.isJoined == true ? index + 1 : index
    }

    /// `7 novembre 2021`, `7. November`, `7 de noviembre de 2021`, `1er mai`, `7th of November`, `7-8 ottobre`.
    func dayFirstNamed(at index: Int) -> [DateMatch] {
        guard let chain = chain(at: index) else { return [] }
        var days: [Int]
        if let day = dayOfMonth(at: index) {
            days = [day]
        } else if chain.numbers.count == 2, chain.separator == "-" || chain.separator == "–",
            chain.digitCounts.allSatisfy({ $0 <= 2 }), chain.values[0] >= 1, chain.values[0] < chain.values[1],
            chain.values[1] <= 31
        {
            days = chain.values
        } else {
            return []
        }
        var next = chain.end
        if let suffix = tokens.token(at: next), suffix.isJoined {
            if suffix.kind == .symbol, ".º°ª".contains(suffix.text) {
                next += 1
            } else if suffix.kind == .word, Self.ordinalSuffixes.contains(suffix.lower) {
                next += 1
            } else {
                return []
            }
        }
        if tokens.isWord(next, in: vocabulary.connectors) { next += 1 }
        guard let month = monthName(at: next) else { return [] }
        var end = month.end
        var probe = skippingDot(end)
        if tokens.isSymbol(probe, ",") { probe += 1 }
        if tokens.isWord(probe, in: vocabulary.connectors) { probe += 1 }
        let year = year(at: probe)
        if year != nil { end = probe + 1 }
        return days.compactMap { dayMatch(year: year, month: month.month, day: $0, range: index..<end) }
    }

    /// `November 7, 2021`, `Nov. 7` (month-first languages), and `November 2021`, `noviembre de 2021` (all).
    func monthFirst(at index: Int) -> [DateMatch] {
        guard let month = monthName(at: index) else { return [] }
        let next = skippingDot(month.end)
        if vocabulary.monthFirst, let day = dayOfMonth(at: next) {
            var end = next + 1
            if let suffix = tokens.token(at: end), suffix.isJoined {
                guard suffix.kind == .word ? Self.ordinalSuffixes.contains(suffix.lower) : ".,;)".contains(suffix.text)
                else { return [] }
                if suffix.kind == .word { end += 1 }
            }
            var probe = end
            if tokens.isSymbol(probe, ",") { probe += 1 }
            let year = year(at: probe)
            if year != nil { end = probe + 1 }
            return dayMatch(year: year, month: month.month, day: day, range: index..<end).map { [$0] } ?? []
        }
        var probe = next
        if tokens.isWord(probe, in: vocabulary.connectors) || tokens.isSymbol(probe, ",") { probe += 1 }
        guard let year = year(at: probe) else { return [] }
        return [DateMatch(value: .month(year: year, month: month.month), tokens: index..<(probe + 1))]
    }

    /// `summer 2021`, `estate del 2021`, `l'été 2021`, `Sommer 2021`, `verano de 2021`.
    func season(at index: Int) -> DateMatch? {
        guard !vocabulary.vietnamese, let token = tokens.token(at: index), token.kind == .word,
            let season = vocabulary.seasons[token.lower]
        else { return nil }
        var probe = index + 1
        if tokens.isWord(probe, in: vocabulary.connectors) { probe += 1 }
        guard let year = year(at: probe) else { return nil }
        return DateMatch(value: .season(year: year, season: season), tokens: index..<(probe + 1))
    }

    /// A bare year after a context word: `in 2021`, `nel 2021`, `en 2021`, `im Jahr 2021`, `năm 2021`.
    func yearInContext(at index: Int) -> DateMatch? {
        guard tokens.isWord(index, in: vocabulary.yearContext), let year = year(at: index + 1) else { return nil }
        // `những năm 1980` is a decade.
        if vocabulary.vietnamese, tokens.isWord(index - 1, in: ["những", "các", "thập"]) { return nil }
        return DateMatch(value: .year(year), tokens: index..<(index + 2))
    }

    /// A bare `d/m` after a context word (`ngày 7/11`, `tối 7-11`, `on 11/7`, `am 7.11.`), or a full
    /// numeric date after one (`ngày 7/11/2021`, with the context word kept in the text).
    func contextual(at index: Int) -> DateMatch? {
        guard tokens.isWord(index, in: vocabulary.dayContext), let chain = chain(at: index + 1) else { return nil }
        let start = vocabulary.keptContext.contains(tokens[index].lower) ? index : index + 1
        if chain.numbers.count == 3 {
            guard let found = numericDateMatch(at: index + 1) else { return nil }
            return DateMatch(value: found.value, tokens: start..<found.tokens.upperBound)
        }
        guard let (month, day) = dayMonth(chain: chain) else { return nil }
        return dayMatch(year: nil, month: month, day: day, range: start..<chain.end)
    }

    /// True when the tokens from `index` spell `words` (symbols such as `'` and `-` must be glued).
    func spells(_ words: [String], at index: Int) -> Bool {
        guard index + words.count <= tokens.count else { return false }
        return words.indices.allSatisfy { k in
            let token = tokens[index + k]
            let text = token.text == "’" ? "'" : token.lower
            let glued = k == 0 || (token.kind != .symbol && tokens[index + k - 1].kind != .symbol) || token.isJoined
            return text == words[k] && glued
        }
    }

    /// A relative day or year resolved against publication (`yesterday`, `hôm qua`, `aujourd'hui`,
    /// `last year`, `năm ngoái`).
    func relative(at index: Int) -> DateMatch? {
        let first = tokens[index]
        // A capitalized relative word inside a sentence is a name (`USA Today`, `Heute Show`).
        if first.isCapitalized, tokens.token(at: index - 1)?.kind == .word { return nil }
        for (words, offset) in vocabulary.relatives where words[0] == first.lower && spells(words, at: index) {
            if let blockers = vocabulary.relativeBlockers[words[0]], tokens.isWord(index - 1, in: blockers) {
                return nil
            }
            if words == ["morgen"], first.isCapitalized { return nil }
            if words == ["hoy"], tokens.isWord(index + 1, in: ["en"]), tokens.isWord(index + 2, in: ["día", "dia"]) {
                return nil
            }
            return DateMatch(value: .relative(days: offset), tokens: index..<(index + words.count))
        }
        // `3 năm trước` is "three years ago", `the last year` is "the past twelve months".
        // `cả năm sau` is "the whole year after".
        let quantifiers: Set<String> = ["the", "cả", "mỗi", "một", "hai", "ba", "vài", "nửa", "hàng", "nhiều"]
        if tokens.token(at: index - 1)?.kind == .number || tokens.isWord(index - 1, in: quantifiers) { return nil }
        for (words, offset) in vocabulary.relativeYears where words[0] == first.lower && spells(words, at: index) {
            return DateMatch(value: .relativeYear(years: offset), tokens: index..<(index + words.count))
        }
        return nil
    }

    /// A weekday name (`Monday`, `lunedì`, `am Montag`, `el lunes`, `Montagabend`), or the explicit date
    /// right after it (`Monday, Nov. 8`), which then wins.
    func weekday(at index: Int) -> [DateMatch] {
        let token = tokens[index]
        guard token.kind == .word, !vocabulary.vietnamese, !vocabulary.weekdays.isEmpty else { return [] }
        if vocabulary.namesNeedCapital, !token.isCapitalized { return [] }
        if !vocabulary.weekdayArticles.isEmpty, !tokens.isWord(index - 1, in: vocabulary.weekdayArticles) {
            return []
        }
        var weekday = vocabulary.weekdays[token.lower]
        if weekday == nil, vocabulary.namesNeedCapital {
            let parts: Set<String> = ["abend", "morgen", "nachmittag", "vormittag", "nacht", "mittag"]
            for (name, number) in vocabulary.weekdays where token.lower.hasPrefix(name) {
                if parts.contains(String(token.lower.dropFirst(name.count))) { weekday = number }
            }
        }
        guard let weekday else { return [] }
        // Feasts and names: `Good Friday`, `Black Friday`, `Venerdì Santo`, `Mardi gras`.
        if tokens.isWord(index - 1, in: Self.weekdayNamePrefixes)
            || tokens.isWord(index + 1, in: Self.weekdayNameSuffixes)
        {
            return []
        }
        if let explicit = explicitDate(after: index + 1, from: index) { return [explicit] }
        for (words, weeks) in vocabulary.weekPhrases where spells(words, at: index + 1) {
            return [DateMatch(value: .weekdayOfWeek(weekday: weekday, weeks: weeks), tokens: index..<(index + 1))]
        }
        let value: DateMatch.Value = isAhead(weekdayAt: index) ? .weekdayAhead(weekday) : .weekday(weekday)
        return [DateMatch(value: value, tokens: index..<(index + 1))]
    }

    /// True when a weekday names a coming day: `next Monday`, `lunedì prossimo`, `nächsten Montag`, or a
    /// future marker earlier in the sentence (`will vote Monday`, `until Monday`, `bis Montag`).
    func isAhead(weekdayAt index: Int) -> Bool {
        if tokens.isWord(index - 1, in: vocabulary.nextBefore) || tokens.isWord(index + 1, in: vocabulary.nextAfter) {
            return true
        }
        var probe = index - 1
        while probe >= max(0, index - 12) {
            let token = tokens[probe]
            // A sentence ends here, unless the period closes an abbreviation such as `p.m.`.
            let abbreviation = token.text == "." && tokens.token(at: probe - 1).map { $0.text.count <= 1 } ?? false
            if token.kind == .symbol, ".!?;".contains(token.text), !abbreviation { return false }
            if token.kind == .word, vocabulary.futureMarkers.contains(token.lower) { return true }
            if tokens[probe + 1].gap == .line { return false }
            probe -= 1
        }
        return false
    }

    /// The explicit date that follows a weekday (`thứ Hai (7/11)`, `Monday, Nov. 8`, `lunedì 8 novembre`),
    /// with its range widened to start at the weekday.
    func explicitDate(after index: Int, from start: Int) -> DateMatch? {
        var probe = index
        while probe < index + 3, tokens.isSymbol(probe, ",") || tokens.isWord(probe, in: Self.weekdayFillers) {
            probe += 1
        }
        var found: DateMatch?
        if tokens.isSymbol(probe, "(") {
            if let chain = chain(at: probe + 1), chain.start == probe + 1, let (month, day) = dayMonth(chain: chain) {
                found = dayMatch(year: nil, month: month, day: day, range: chain.start..<chain.end)
            } else {
                found = numericDateMatch(at: probe + 1) ?? dayFirstNamed(at: probe + 1).first
            }
        } else if tokens.token(at: probe)?.kind == .number {
            found = numericDateMatch(at: probe) ?? dayFirstNamed(at: probe).first
            if found == nil, let chain = chain(at: probe), let (month, day) = dayMonth(chain: chain) {
                found = dayMatch(year: nil, month: month, day: day, range: chain.start..<chain.end)
            }
        } else {
            found = monthFirst(at: probe).first
        }
        guard let found, case .day = found.value else { return nil }
        let end =
            tokens.isSymbol(probe, "(") && tokens.isSymbol(found.tokens.upperBound, ")")
            ? found.tokens.upperBound + 1 : found.tokens.upperBound
        return DateMatch(value: found.value, tokens: start..<end)
    }
}

/// Reads one score or quantity at a time from a token stream, for ``NumberExtractor``.
struct NumberReader {
    /// How a language writes thousands and decimals.
    enum Style {
        /// `40,000.5`
        case english
        /// `40.000,5` or `40 000,5` (French also groups with plain spaces).
        case european(spaceGroups: Bool)
        /// Unknown: `.` or `,` before exactly three digits groups, otherwise marks decimals.
        case unknown

        init(code: String) {
            switch code {
            case "en": self = .english
            case "": self = .unknown
            case "fr": self = .european(spaceGroups: true)
            default: self = .european(spaceGroups: false)
            }
        }
    }

    let tokens: [ExtractToken]
    /// Tokens inside a date pattern.
    let covered: [Bool]
    let style: Style
    let text: String

    static let rangeLeaders: Set<String> = ["từ", "from", "between", "tra", "entre", "zwischen", "von"]

    /// The mentions at `index` and the index to resume at, or nil when nothing starts there.
    func read(at index: Int) -> (mentions: [NumberMention], end: Int)? {
        guard tokens[index].kind == .number, !covered[index], isChainStart(index) else { return nil }
        return scoreOrRange(at: index) ?? quantity(at: index)
    }

    /// False for a number glued to a word (`COVID-19`, `G7`) or inside a chain (`30` in `19:30`).
    private func isChainStart(_ index: Int) -> Bool {
        guard tokens[index].isJoined, let previous = tokens.token(at: index - 1) else { return true }
        if previous.kind != .symbol { return false }
        if "#№".contains(previous.text) { return false }
        guard "-–:/.,".contains(previous.text), previous.isJoined, let before = tokens.token(at: index - 2) else {
            return true
        }
        return before.kind == .symbol
    }

    private func joined(_ index: Int, kind: ExtractToken.Kind) -> ExtractToken? {
        guard let token = tokens.token(at: index), token.isJoined, token.kind == kind else { return nil }
        return token
    }

    private func slice(_ range: Range<Int>) -> String {
        String(text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound])
    }

    /// `2-1`, `2–0`, `2:1`, or a range `10-15 người`.
    private func scoreOrRange(at index: Int) -> (mentions: [NumberMention], end: Int)? {
        guard let separator = joined(index + 1, kind: .symbol), "-–:".contains(separator.text),
            let second = joined(index + 2, kind: .number), !covered[index + 2]
        else { return nil }
        let first = tokens[index]
        let end = index + 3
        if let after = tokens.token(at: end), after.isJoined {
            // A longer chain (`4-3-3`, `1-800-555`), or letters glued on (`2-1a`, `19:30h`): not ours.
            if after.kind != .symbol || (joined(end + 1, kind: .number) != nil && "-–:/.,".contains(after.text)) {
                return ([], end)
            }
        }
        if separator.text == ":" {
            guard first.text.count == 1, second.text.count == 1,
                !tokens.isWord(end, in: NumberVocabulary.timeWords), !tokens.isWord(index - 1, in: ["lúc", "at", "um"])
            else { return ([], end) }
            return ([score(first, second, index..<end)], end)
        }
        let padded = [first, second].contains { $0.text.count > 1 && $0.text.first == "0" }
        // `ngày 20-21` is a span of days, `tháng 3-4` of months.
        let dated = tokens.isWord(index - 1, in: ["ngày", "hôm", "tháng", "năm"])
        guard first.text.count <= 3, second.text.count <= 3, !padded, !dated else { return ([], end) }
        let isRange =
            tokens.isWord(index - 1, in: Self.rangeLeaders)
            || tokens.isWord(end, in: NumberVocabulary.rangeUnits)
            || tokens.isWord(end, in: Set(NumberVocabulary.multipliers.keys)) || tokens.isSymbol(end, "%")
        guard isRange else { return ([score(first, second, index..<end)], end) }
        let (unit, unitEnd) = self.unit(after: end)
        guard let a = first.intValue, let b = second.intValue, unit != nil || b >= 10 else { return ([], end) }
        let text = slice(index..<unitEnd)
        return (
            [
                NumberMention(kind: .quantity, text: text, value: Double(a), unit: unit),
                NumberMention(kind: .quantity, text: text, value: Double(b), unit: unit),
            ], unitEnd
        )
    }

    private func score(_ a: ExtractToken, _ b: ExtractToken, _ range: Range<Int>) -> NumberMention {
        NumberMention(
            kind: .score, text: slice(range), value: Double(a.intValue ?? 0),
            second: Double(b.intValue ?? 0))
    }

    /// A number with separators, multipliers, currency and unit.
    private func quantity(at index: Int) -> (mentions: [NumberMention], end: Int)? {
        let label =
            tokens.isWord(index - 1, in: NumberVocabulary.labelWords)
            || (tokens.isSymbol(index - 1, ".") && tokens.isWord(index - 2, in: NumberVocabulary.labelWords))
        guard let parsed = parseNumber(at: index) else { return nil }
        var end = parsed.end
        if label || tokens.isWord(index - 1, in: ["lúc"]) { return ([], end) }
        var start = index
        var unit: String?
        if tokens[index].gap != .line, let previous = tokens.token(at: index - 1), let symbol = previous.text.first,
            let code = NumberVocabulary.currencySymbols[symbol]
        {
            start = index - 1
            unit = code
        }
        var value = parsed.value
        var scaled = false
        if let glued = joined(end, kind: .word) {
            if glued.lower == "k" || (unit != nil && (glued.lower == "m" || glued.lower == "bn")) {
                let factors: [String: Double] = ["m": 1e6, "bn": 1e9, "k": 1e3]
                let factor = factors[glued.lower] ?? 1
                value *= factor
                scaled = true
            } else if NumberVocabulary.gluedUnits.contains(glued.lower) {
                unit = glued.lower
            } else {
                return ([], end + 1)
            }
            end += 1
        } else if let glued = joined(end, kind: .symbol) {
            if glued.text == "/" || glued.text == ":" { return ([], end + 1) }
            // `69-year-old`, `62-Jährige`: the word after the hyphen is the unit.
            if glued.text == "-", let word = joined(end + 1, kind: .word) {
                unit = word.lower
                end += 2
            }
        }
        if !scaled {
            var multipliers = 0
            while multipliers < 2, let word = tokens.token(at: end), word.kind == .word, word.gap != .line,
                let factor = NumberVocabulary.multipliers[word.lower]
            {
                value *= factor
                scaled = true
                multipliers += 1
                end += 1
                if word.lower.count <= 3, tokens.isSymbol(end, ".") { end += 1 }
            }
        }
        if unit == nil {
            let (found, unitEnd) = self.unit(after: end, afterMultiplier: scaled)
            if found == "time" { return ([], unitEnd) }
            if let found {
                unit = found
                end = unitEnd
            }
        }
        let digits = tokens[index].text.count
        if !parsed.grouped, digits == 4, !scaled, unit != "%", parsed.decimals == nil,
            DateScanner.validYears.contains(Int(parsed.value))
        {
            return ([], end)
        }
        if unit == nil, !scaled, !parsed.grouped, digits == 1 { return ([], end) }
        return ([NumberMention(kind: .quantity, text: slice(start..<end), value: value, unit: unit)], end)
    }

    /// The unit after a number (index of the token after it): `%`, a currency, or a word; `"time"` for a
    /// time-of-day word.
    private func unit(after index: Int, afterMultiplier: Bool = false) -> (unit: String?, end: Int) {
        guard let token = tokens.token(at: index), token.gap != .line, !covered[index] else { return (nil, index) }
        if token.kind == .symbol, let symbol = token.text.first {
            if symbol == "%" { return ("%", index + 1) }
            if let code = NumberVocabulary.currencySymbols[symbol] { return (code, index + 1) }
            return (nil, index)
        }
        guard token.kind == .word else { return (nil, index) }
        if NumberVocabulary.percentWords.contains(token.lower) { return ("%", index + 1) }
        if let second = NumberVocabulary.percentPhrases[token.lower], tokens.isWord(index + 1, in: second) {
            return ("%", index + 2)
        }
        if NumberVocabulary.timeWords.contains(token.lower) { return ("time", index + 1) }
        if afterMultiplier, NumberVocabulary.connectors.contains(token.lower) {
            let next = tokens.isSymbol(index + 1, "'") || tokens.isSymbol(index + 1, "’") ? index + 2 : index + 1
            if let word = tokens.token(at: next), word.kind == .word, !covered[next] { return (word.lower, next + 1) }
            return (nil, index)
        }
        if NumberVocabulary.nonUnits.contains(token.lower) { return (nil, index) }
        // `nell'ultimo`, `Un'attrice`: an elided article starts the next phrase.
        if tokens.isSymbol(index + 1, "'") || tokens.isSymbol(index + 1, "’"),
            tokens.token(at: index + 1)?.isJoined == true
        {
            return (nil, index)
        }
        return (token.lower, index + 1)
    }

    /// A number read with the language's separators.
    struct ParsedNumber {
        var value: Double
        /// Index of the token after the number.
        var end: Int
        /// True when thousands separators were read.
        var grouped: Bool
        var decimals: String?
    }

    /// The number at `index` (`40.000`, `40,000`, `40 000`, `3,5`, `3.5`), or nil for a zero-padded or
    /// over-long digit run, or a version-like chain (`1.2.3`).
    func parseNumber(at index: Int) -> ParsedNumber? {
        let first = tokens[index]
        guard first.text.count <= 9, first.text.count == 1 || first.text.first != "0" else { return nil }
        var integer = String(first.text)
        var decimals: String?
        var grouped = false
        var next = index + 1
        let canGroup = first.text.count <= 3
        while decimals == nil {
            if canGroup, let group = tokens.token(at: next), group.kind == .number, group.text.count == 3,
                !covered[next], spaceGroups(group.gap)
            {
                integer += group.text
                grouped = true
                next += 1
                continue
            }
            guard let separator = joined(next, kind: .symbol)?.text.first, separator == "." || separator == ",",
                let digits = joined(next + 1, kind: .number), !covered[next + 1]
            else { break }
            let three = digits.text.count == 3 && canGroup
            let group: Bool
            let decimal: Bool
            switch style {
            case .english:
                group = separator == "," && three
                decimal = separator == "."
            case .european:
                group = separator == "." && three
                decimal = separator == "," || (!grouped && digits.text.count <= 2)
            case .unknown:
                group = three
                decimal = !three
            }
            if group {
                integer += digits.text
                grouped = true
            } else if decimal {
                decimals = String(digits.text)
            } else {
                break
            }
            next += 2
        }
        if decimals != nil, let separator = joined(next, kind: .symbol), ".,".contains(separator.text),
            joined(next + 1, kind: .number) != nil
        {
            return nil
        }
        guard let value = Double(integer + (decimals.map { "." + $0 } ?? "")) else { return nil }
        return ParsedNumber(value: value, end: next, grouped: grouped, decimals: decimals)
    }

    private func spaceGroups(_ gap: ExtractToken.Gap) -> Bool {
        switch (style, gap) {
        case (.english, _): return false
        case (_, .fixed): return true
        case (.european(let spaces), .space): return spaces
        default: return false
        }
    }
}

/// A run of tokens ``NameScan`` believes to be one mention of a name.
struct NameCandidate: Sendable {
    var tokens: [NameToken]
    /// A single German or Vietnamese word that still needs ``NameScan/isConfirmedSingle(_:count:)``.
    var needsConfirmation: Bool
}

/// The candidate-finding pass of ``EntityExtractor`` over one text, with the text-wide evidence it uses.
///
/// Evidence gathered once per text: which words appear capitalized in running text (not at a sentence
/// start, not in a headline-style line), which appear lower-case, which lines are headlines, and, for
/// German, which capitalized words ever follow an article or an inflected adjective.
struct NameScan: Sendable {
    let tokens: [NameToken]
    let lexicon: NameLexicon
    let language: String?
    private let midCapitalized: Set<String>
    private let lowercaseSeen: Set<String>
    private let headlineLines: Set<Int>
    private let afterDeterminer: Set<String>
    private let afterHonorific: Set<String>
    /// Capitalized words seen in mixed case (`Bogota`), which confirms a long all-caps form (`BOGOTA`).
    private let mixedCase: Set<String>

    init(tokens: [NameToken], lexicon: NameLexicon, language: String?) {
        self.tokens = tokens
        self.lexicon = lexicon
        self.language = language
        let headlines = Self.headlineLines(in: tokens)
        headlineLines = headlines
        var mid: Set<String> = []
        var lower: [String: Int] = [:]
        var afterDet: Set<String> = []
        var honored: Set<String> = []
        var mixed: Set<String> = []
        for (index, token) in tokens.enumerated() {
            if token.isCapitalized, !token.isAllCaps { mixed.insert(token.lower) }
            if !token.isCapitalized && !token.isAllCaps {
                lower[token.lower, default: 0] += 1
            } else if !token.isSentenceStart && !headlines.contains(token.line) {
                mid.insert(token.lower)
            }
            if language == "de", token.isCapitalized, index > 0, !token.hasBreakBefore,
                Self.isGermanModifier(tokens[index - 1].lower, lexicon: lexicon)
            {
                afterDet.insert(token.lower)
            }
            if token.isCapitalized, index > 0, !token.hasBreakBefore,
                lexicon.sentenceStartTitles.contains(tokens[index - 1].lower)
                    || lexicon.titles.contains(String(tokens[index - 1].bareLower))
            {
                honored.insert(token.lower)
            }
        }
        midCapitalized = mid
        lowercaseSeen = Set(lower.keys)
        afterDeterminer = afterDet
        afterHonorific = honored
        mixedCase = mixed
    }

    /// The name candidates of the text, in order.
    func candidates() -> [NameCandidate] {
        var result: [NameCandidate] = []
        var index = 0
        while index < tokens.count {
            guard isName(tokens[index]) else {
                index += 1
                continue
            }
            if let length = titleLength(at: index) {
                index += length
                continue
            }
            var end = index + 1
            var next = index + 1
            while next < tokens.count, !tokens[next].hasBreakBefore {
                if isName(tokens[next]) {
                    next += 1
                    end = next
                } else if isConnector(at: next, afterRunEnd: end) {
                    next += 1
                } else {
                    break
                }
            }
            var run = Array(tokens[index..<end])
            if run.count >= 2, followsTitlePhrase(index) { run.removeFirst() }
            result.append(contentsOf: refine(run))
            index = end
        }
        return result
    }

    /// Whether a single German word or Vietnamese syllable, mentioned `count` times alone, is a name by the
    /// text's evidence (see ``EntityExtractor``). A word right after a title or honorific (`ông Dũng`,
    /// `Herr Müller`) is confirmed. Otherwise a Vietnamese syllable must be a one-syllable place name
    /// (`Mỹ`, `Nga`, `Pháp`), and a German word must be mentioned twice, never after an article or inflected
    /// adjective, never lower-case, and lack a noun suffix.
    func isConfirmedSingle(_ surface: String, count: Int) -> Bool {
        let lower = surface.lowercased()
        if afterHonorific.contains(lower) { return true }
        if language == "vi" { return lexicon.singleSyllableNames.contains(lower) }
        return count >= 2 && midCapitalized.contains(lower) && !isGermanNoun(lower)
    }

    /// A candidate for `tokens`, flagged for confirmation when it is a single German word or a single
    /// Vietnamese syllable (`Tổ` of `Tổ chức`, `Bộ` of `Bộ Ngoại giao`); foreign words in Vietnamese text
    /// (`Brunei`, `Pskov`) need no confirmation.
    func candidate(_ tokens: [NameToken]) -> NameCandidate {
        guard tokens.count == 1, !tokens[0].isAllCaps else {
            return NameCandidate(tokens: tokens, needsConfirmation: false)
        }
        let needs = language == "de" || (language == "vi" && VietnameseSyllable.matches(tokens[0].text))
        return NameCandidate(tokens: tokens, needsConfirmation: needs)
    }

    /// Number of tokens of a title or honorific starting at `index`, if one starts there.
    private func titleLength(at index: Int) -> Int? {
        let token = tokens[index]
        if token.isSentenceStart, lexicon.sentenceStartTitles.contains(String(token.bareLower)),
            index + 1 < tokens.count, tokens[index + 1].isNameLike, !tokens[index + 1].hasBreakBefore
        {
            return 1
        }
        for length in stride(from: min(3, tokens.count - index), through: 1, by: -1) {
            let words = tokens[index..<index + length]
            guard !words.dropFirst().contains(where: \.hasBreakBefore) else { continue }
            let phrase = words.map(\.bareLower).joined(separator: " ")
            if lexicon.titles.contains(phrase) || (length == 1 && isTitle(token)) { return length }
        }
        return nil
    }

    /// Whether the text marks a German word as a common noun: seen after an article or inflected
    /// adjective, seen lower-case, or ending in a noun suffix.
    private func isGermanNoun(_ lower: String) -> Bool {
        afterDeterminer.contains(lower) || lowercaseSeen.contains(lower)
            || Self.germanNounSuffixes.contains { lower.hasSuffix($0) }
    }

    /// Whether `token` is a title word: listed, or in German a compound ending in a role or kind
    /// (`US-Präsident`, `Spitzenkandidat`, `Schauspielerin`, `Bundesstaat`).
    private func isTitle(_ token: NameToken) -> Bool {
        if lexicon.titles.contains(String(token.bareLower)) { return true }
        guard language == "de" else { return false }
        return Self.germanRoleEndings.contains { token.lower.hasSuffix($0) }
    }

    /// Whether `token` can be part of a name: capitalized or an acronym; an all-caps word longer than five
    /// letters (`GALERIA`, `NIE JESTEM ROBOTEM`) only when the text also writes it in mixed case (`BOGOTA`).
    private func isName(_ token: NameToken) -> Bool {
        guard token.isNameLike else { return false }
        guard token.isAllCaps, token.text.count(where: \.isLetter) > 5 else { return true }
        return mixedCase.contains(token.lower)
    }

    /// Whether the token at `index` may join a name as a connector, `end` being the end of the run so far.
    ///
    /// At most two connectors in a row. In German, articles chain nouns (`Abschaffung von Tierversuchen`,
    /// `Epizentrum der Krise`), so only `von`, `van`, `de`, `zu` open a connector chain there, and only
    /// after a word that is not marked as a common noun.
    private func isConnector(at index: Int, afterRunEnd end: Int) -> Bool {
        let word = tokens[index].lower
        guard lexicon.connectors.contains(word), index - end < 2 else { return false }
        guard language == "de" else { return true }
        if index == end {
            let previous = tokens[end - 1].lower
            return ["von", "van", "de", "zu"].contains(word) && !afterDeterminer.contains(previous)
                && !Self.germanNounSuffixes.contains { previous.hasSuffix($0) }
        }
        return ["von", "van"].contains(tokens[index - 1].lower) && ["der", "den"].contains(word)
    }

    /// Whether a title and connectors come right before `index` (`ministre de la|Défense Juan Manuel Santos`,
    /// `secretary of|State Colin Powell`): the first capitalized word then belongs to the title.
    private func followsTitlePhrase(_ index: Int) -> Bool {
        var position = index - 1
        var connectors = 0
        while position >= 0, connectors < 2, !tokens[position + 1].hasBreakBefore,
            lexicon.connectors.contains(tokens[position].lower)
        {
            position -= 1
            connectors += 1
        }
        guard connectors > 0, position >= 0, !tokens[position + 1].hasBreakBefore else { return false }
        return lexicon.titles.contains(String(tokens[position].bareLower))
    }

    /// Applies the headline, sentence-start and title rules to one run of name-like tokens.
    private func refine(_ run: [NameToken]) -> [NameCandidate] {
        if headlineLines.contains(run[0].line) {
            var pieces: [[NameToken]] = [[]]
            for token in run {
                if midCapitalized.contains(token.lower) || (!token.isNameLike && !(pieces.last?.isEmpty ?? true)) {
                    pieces[pieces.count - 1].append(token)
                } else {
                    pieces.append([])
                }
            }
            return pieces.map { piece in
                piece.first.map { lexicon.functionWords.contains($0.lower) } == true ? Array(piece.dropFirst()) : piece
            }.compactMap(finish)
        }
        var words = run
        let first = run[0]
        if first.isSentenceStart, !first.isAllCaps {
            if lexicon.functionWords.contains(first.lower) {
                words.removeFirst()
            } else if !midCapitalized.contains(first.lower) {
                if words.count == 1 {
                    return []
                } else if language == "de" || lexicon.phraseConnectors.contains(words[1].lower)
                    || (language != "vi" && lowercaseSeen.contains(first.lower))
                {
                    words.removeFirst()
                }
            }
        }
        if let cut = words.indices.dropLast().last(where: { isTitle(words[$0]) }) {
            words.removeSubrange(...cut)
        }
        guard language == "vi" || language == "de" else { return finish(words).map { [$0] } ?? [] }
        // A capitalized function word inside a run marks a lost sentence break (`AFP Theo Reuters`,
        // `Floyds Tod Die`); other languages keep them, since `Le Pen` and `De Gaulle` are names.
        let pieces = words.split { $0.isCapitalized && lexicon.functionWords.contains($0.lower) }
        return pieces.compactMap { finish(Array($0)) }
    }

    /// Trims connectors, weekdays and months at the edges; drops what cannot be a name, including a lone
    /// function word (`El`, `Una` in run-together headlines).
    func finish(_ run: [NameToken]) -> NameCandidate? {
        var words = run[...]
        while let first = words.first, !isName(first) || lexicon.nonNames.contains(first.lower) {
            words.removeFirst()
        }
        while let last = words.last, !isName(last) || last.isInitial || lexicon.nonNames.contains(last.lower) {
            words.removeLast()
        }
        guard let only = words.first else { return nil }
        if words.count == 1 {
            guard !only.isInitial, only.isAllCaps || only.text.filter(\.isLetter).count >= 2 else { return nil }
            guard only.isAllCaps || !(lexicon.functionWords.contains(only.lower) || isTitle(only)) else { return nil }
        }
        return candidate(Array(words))
    }

    /// Lines where most long words are capitalized (Title Case) and the last sentence has no final
    /// punctuation, or most words are all-caps: headlines, not prose.
    private static func headlineLines(in tokens: [NameToken]) -> Set<Int> {
        var stats: [Int: (long: Int, capitalized: Int, cased: Int, caps: Int)] = [:]
        var proseLines: Set<Int> = []
        for (index, token) in tokens.enumerated() {
            let isLineEnd = index + 1 == tokens.count || tokens[index + 1].line != token.line
            if isLineEnd, token.endsSentence { proseLines.insert(token.line) }
            guard token.text.contains(where: \.isCased) else { continue }
            var entry = stats[token.line] ?? (0, 0, 0, 0)
            entry.cased += 1
            if token.isAllCaps { entry.caps += 1 }
            if token.text.count >= 4 {
                entry.long += 1
                if token.isCapitalized { entry.capitalized += 1 }
            }
            stats[token.line] = entry
        }
        var lines: Set<Int> = []
        for (line, entry) in stats {
            let titleCase = entry.long >= 3 && entry.capitalized * 5 >= entry.long * 4 && !proseLines.contains(line)
            let allCaps = entry.caps >= 3 && entry.caps * 5 >= entry.cased * 3
            if titleCase || allCaps { lines.insert(line) }
        }
        return lines
    }
}

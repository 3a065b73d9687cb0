/// A word of an article as ``EntityExtractor`` sees it, with the layout facts name detection needs.
///
/// Produced by ``tokenize(_:)``, which also does the word-level clean-up:
/// - possessive and Turkish case suffixes after an apostrophe are cut (`Trump’s` → `Trump`,
///   `Çalhanoğlu'nun` → `Çalhanoğlu`);
/// - elided articles become their own lower-case token (`dell'Inter` → `dell'` + `Inter`,
///   `L'Équipe` → `l'` + `Équipe`); an upper-case `D'` is kept inside the name mid-sentence (`D'Alema`);
/// - a lower-case prefix before a hyphen is cut (`anti-Trump` → `Trump`) except Arabic name particles
///   (`al-Assad`, `bin-Salman` stay whole);
/// - dotted acronyms (`U.S.`), initials (`W.`) and common abbreviations (`Mr.`, `Dr.`, `St.`) keep their
///   period, which then does not end the sentence.
struct NameToken: Sendable {
    /// The word as written (suffix cut), e.g. `Çalhanoğlu`.
    var text: String
    /// `text` lower-cased, diacritics kept; used for word-list lookups.
    var lower: String
    /// Character offsets of the word in the tokenized text (`end` exclusive, includes a kept period).
    var start: Int
    var end: Int
    /// The first letter is upper-case (or title-case).
    var isCapitalized: Bool
    /// All letters are upper-case and there are at least two, or a letter and a digit (`UEFA`, `G7`).
    var isAllCaps: Bool
    /// A single upper-case letter with its period (`W.`).
    var isInitial: Bool
    /// The first word of a sentence, a line, or a quotation.
    var isSentenceStart: Bool
    /// Punctuation (other than a kept period) separates this token from the previous one.
    var hasBreakBefore: Bool
    /// A comma follows directly.
    var isFollowedByComma: Bool = false
    /// `.`, `!`, `?` or `…` follows, ending the sentence.
    var endsSentence: Bool = false
    /// Zero-based line number.
    var line: Int

    /// Whether the token can be part of a name.
    var isNameLike: Bool { isCapitalized || isAllCaps }

    /// `lower` without a kept trailing period (`mr.` → `mr`).
    var bareLower: Substring { lower.hasSuffix(".") ? lower.dropLast() : lower[...] }

    /// Splits `characters` into tokens.
    ///
    /// - Complexity: O(n) in the number of characters.
    static func tokenize(_ characters: [Character]) -> [NameToken] {
        var tokenizer = NameTokenScanner(characters: characters)
        tokenizer.run()
        return tokenizer.tokens
    }

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
        "mt", "ft", "vs", "etc", "no", "nr", "inc", "ltd", "co", "corp", "mme", "mlle", "m", "sig", "dott", "avv",
        "hr", "fr", "sra", "sres", "ing", "arch", "av", "doç", "ks", "św", "pres", "adm", "rev", "bros",
    ]
    static let elisions: Set<String> = [
        "l", "d", "dell", "dall", "nell", "sull", "all", "coll", "degl", "quell", "un", "qu", "j", "s", "c", "n",
        "m", "t",
    ]
    static let nameParticles: Set<String> = [
        "al", "el", "ad", "as", "ash", "at", "az", "ar", "bin", "ibn", "abu", "ben",
    ]
}

/// The scanning state behind ``NameToken/tokenize(_:)``.
private struct NameTokenScanner {
    let characters: [Character]
    var tokens: [NameToken] = []
    var index = 0
    var line = 0
    var sentenceStart = true
    var pendingBreak = true

    init(characters: [Character]) {
        self.characters = characters
    }

    mutating func run() {
        while index < characters.count {
            let character = characters[index]
            if character.isLetter || character.isNumber {
                readWord()
                continue
            }
            if character.isNewline {
                line += 1
                sentenceStart = true
                pendingBreak = true
            } else if ".!?…".contains(character) {
                pendingBreak = true
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if !(next.isLetter || next.isNumber) {
                    sentenceStart = true
                    if !tokens.isEmpty { tokens[tokens.count - 1].endsSentence = true }
                }
            } else if ":“«„\"".contains(character) {
                pendingBreak = true
                sentenceStart = true
            } else if !character.isWhitespace {
                pendingBreak = true
                if character == ",", !tokens.isEmpty { tokens[tokens.count - 1].isFollowedByComma = true }
            }
            index += 1
        }
    }

    /// Reads one word starting at `index` and appends its token(s).
    private mutating func readWord() {
        let start = index
        var end = index + 1
        while end < characters.count {
            let character = characters[end]
            if character.isLetter || character.isNumber || isMark(character) {
                end += 1
            } else if "-'’‑".contains(character), end + 1 < characters.count,
                characters[end + 1].isLetter || characters[end + 1].isNumber
            {
                end += 1
            } else {
                break
            }
        }
        index = end
        if end - start == 1, characters[start].isUppercase, end < characters.count, characters[end] == "." {
            readInitialOrAcronym(from: start)
            return
        }
        splitWord(start, end)
    }

    /// `W.` (an initial) or `U.S.` / `U.S.A.` (a dotted acronym), `index` standing on the first period.
    private mutating func readInitialOrAcronym(from start: Int) {
        var end = index + 1
        while end + 1 < characters.count, characters[end].isUppercase, characters[end + 1] == "." {
            end += 2
        }
        let isAcronym = end > index + 1
        var token = makeToken(start, end)
        token.isInitial = !isAcronym
        token.isAllCaps = isAcronym
        append(token)
        index = end
    }

    /// Appends the token(s) of the word `characters[start..<end]`, handling apostrophes and hyphens.
    private mutating func splitWord(_ start: Int, _ end: Int) {
        if let apostrophe = (start..<end).first(where: { characters[$0] == "'" || characters[$0] == "’" }) {
            let prefix = String(characters[start..<apostrophe]).lowercased()
            let after = characters[apostrophe + 1]
            let first = characters[start]
            if after.isLowercase, first.isUppercase {
                finishWord(start, apostrophe, sentenceEndAllowed: false)
                pendingBreak = true
                return
            }
            let elisionAllowed = first.isLowercase || prefix == "l" || sentenceStart
            if after.isUppercase, NameToken.elisions.contains(prefix), elisionAllowed {
                var elision = makeToken(start, apostrophe + 1)
                elision.lower = prefix + "'"
                elision.isCapitalized = false
                append(elision)
                append(makeToken(apostrophe + 1, end))
                return
            }
        }
        if characters[start].isLowercase,
            let hyphen = (start..<end).first(where: { characters[$0] == "-" || characters[$0] == "‑" }),
            characters[hyphen + 1].isUppercase
        {
            let prefix = String(characters[start..<hyphen]).lowercased()
            if NameToken.nameParticles.contains(prefix) {
                var token = makeToken(start, end)
                token.isCapitalized = true
                append(token)
            } else {
                pendingBreak = true
                finishWord(hyphen + 1, end, sentenceEndAllowed: true)
            }
            return
        }
        finishWord(start, end, sentenceEndAllowed: true)
    }

    /// Appends a plain word; an abbreviation keeps the period that follows it.
    private mutating func finishWord(_ start: Int, _ end: Int, sentenceEndAllowed: Bool) {
        var token = makeToken(start, end)
        if sentenceEndAllowed, index < characters.count, characters[index] == ".",
            NameToken.abbreviations.contains(token.lower)
        {
            token.end = index + 1
            index += 1
        }
        append(token)
    }

    private func makeToken(_ start: Int, _ end: Int) -> NameToken {
        let text = String(characters[start..<end])
        let letters = text.filter(\.isLetter)
        let hasDigit = text.contains(where: \.isNumber)
        let upperLetters = letters.allSatisfy { $0.isUppercase || !$0.isCased }
        let isAllCaps = upperLetters && letters.contains(where: \.isCased) && (letters.count >= 2 || hasDigit)
        let first = text.first { $0.isLetter }
        return NameToken(
            text: text, lower: text.lowercased(), start: start, end: end,
            isCapitalized: first?.isUppercase ?? false,
            isAllCaps: isAllCaps, isInitial: false, isSentenceStart: false, hasBreakBefore: false, line: line
        )
    }

    private mutating func append(_ token: NameToken) {
        var token = token
        token.isSentenceStart = sentenceStart
        token.hasBreakBefore = pendingBreak || sentenceStart
        tokens.append(token)
        sentenceStart = false
        pendingBreak = false
    }

    private func isMark(_ character: Character) -> Bool {
        character.unicodeScalars.first?.properties.generalCategory == .nonspacingMark
    }
}

/// Finds the names (people, places, organisations, teams) an article mentions, without a model.
///
/// The extractor works on capitalization, so it covers languages written with case (Latin, Cyrillic,
/// Greek, Armenian ...). For caseless scripts (zh, ja, ko, ar, fa, he, th, hi and other Indic scripts, or
/// any text where fewer than half the letters have case) it returns `[]`: the dense embedding carries
/// those articles' names.
///
/// How a name is found:
/// - a name is a run of capitalized words and all-caps acronyms (`UEFA`, `CNRP`, `LHQ`, `U.S.`), with
///   lower-case connectors allowed inside (`de`, `da`, `van`, `von`, `del`, `bin`, `of`, `dell'` ...) and
///   initials (`George W. Bush`);
/// - the word that opens a sentence, a line or a quotation is dropped when it is a function word of the
///   language (`The`, `Nel`, `Trong` ...); otherwise, unless it is also seen capitalized mid-sentence, it
///   is dropped when it stands alone (`Yesterday`, `Documents`: a name met only at sentence starts is
///   lost, which buys a lot of precision) and, in a longer run, when it is seen lower-case elsewhere
///   (always for German, where every noun is capitalized). In Vietnamese a run of capitalized syllables
///   at a sentence start is kept whole: common nouns capitalize only their first syllable;
/// - Vietnamese single syllables (`Tổ` of `Tổ chức`, `Bộ` of `Bộ Ngoại giao`) count only after an
///   honorific (`ông Dũng`) or when they are one-syllable place names (`Mỹ`, `Nga`, `Pháp`);
/// - German single words are kept only when they are a surname of a longer name in the text, follow a
///   title (`Herr Müller`), or are mentioned at least twice, never after an article or inflected adjective,
///   never lower-case, and have no typical noun suffix (`-ung`, `-heit`, `-keit` ...); German articles do
///   not join names (`Epizentrum der Krise`), only `von`/`van`/`de`/`zu` chains do (`von der Leyen`);
/// - an all-caps word longer than five letters counts only if the text also writes it in mixed case
///   (`BOGOTA` … `Bogota`), which drops shouted headers (`GALERIA`, `CLICCA SU QUESTO LINK`);
/// - in headline-style lines (Title Case or ALL CAPS) only words also seen capitalized in running text count;
/// - titles and honorifics at the front are not part of the name (`President`, `Thủ tướng`, `Herr`,
///   German role compounds such as `US-Präsident`; Vietnamese `Ông`/`Bà` only at a sentence start), nor are
///   weekdays and months, nor the capitalized word after `title + connector` (`ministre de la Défense`);
/// - a run is split when its front is a name on its own elsewhere in the text (`Ấn Độ | Manmohan Singh`,
///   `Mỹ | John Kerry`) or its back, two words or more, is (`Franco-Colombienne | Ingrid Betancourt`);
/// - a mention whose words end another, longer name in the same text counts for that name
///   (`Hakan Çalhanoğlu` ... `Çalhanoğlu` → `hakan calhanoglu`, count 2); when several longer names end
///   the same way the most frequent one gets it.
///
/// Keys are ``NameFolding/fold(_:)`` of the surface; the surface kept is the longest form seen.
///
/// ```swift
/// let extractor = EntityExtractor()
/// extractor.entities(in: "Hakan Çalhanoğlu segna. Poi Çalhanoğlu esulta.", language: "it")
/// // [EntityMention(surface: "Hakan Çalhanoğlu", key: "hakan calhanoglu", count: 2)]
/// ```
public struct EntityExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// Returns the names mentioned in `text`, most mentioned first, then by key.
    ///
    /// - Parameters:
    ///   - text: Normalized article text (see ``TextNormalizer``); title and body may be joined by `\n`.
    ///   - language: ISO 639-1 code (`"vi"`, `"en"`), or `nil` when unknown (all word lists apply).
    /// - Returns: One mention per distinct folded key; `[]` for caseless scripts.
    /// - Complexity: O(n) in the length of `text`, plus O(e²) over the distinct names e when linking surnames.
    public func entities(in text: String, language: String?) -> [EntityMention] {
        let code = language.map { String($0.lowercased().prefix(2)) }
        if let code, Self.caselessLanguages.contains(code) { return [] }
        let characters = Array(text)
        guard Self.isMostlyCased(characters) else { return [] }
        let tokens = NameToken.tokenize(characters)
        let scan = NameScan(tokens: tokens, lexicon: NameLexicon.forLanguage(code), language: code)
        var tally = NameTally()
        for candidate in Self.splittingPrefixes(scan.candidates(), scan: scan) {
            let surface = Self.surface(of: candidate.tokens, in: characters)
            tally.add(surface: surface, needsCheck: candidate.needsConfirmation)
        }
        tally.dropUnconfirmedSingles { scan.isConfirmedSingle($0, count: $1) }
        tally.linkSurnames()
        return tally.mentions()
    }

    /// Languages whose scripts have no letter case.
    static let caselessLanguages: Set<String> = [
        "zh", "ja", "ko", "ar", "fa", "ur", "ps", "he", "yi", "th", "lo", "km", "my", "hi", "mr", "ne", "bn", "pa",
        "gu", "or", "ta", "te", "kn", "ml", "si", "am", "ti", "ka", "bo", "dv", "ug", "sd",
    ]

    /// Splits `Ấn Độ Manmohan Singh` into `Ấn Độ` + `Manmohan Singh` when the prefix is also a name on
    /// its own in the text and the rest is either two words or more, or also a name on its own; and
    /// `Franco-Colombienne Ingrid Betancourt` into two when the rest (two words or more) is a name on its own.
    private static func splittingPrefixes(_ candidates: [NameCandidate], scan: NameScan) -> [NameCandidate] {
        func key(_ tokens: ArraySlice<NameToken>) -> String {
            tokens.map { NameFolding.fold($0.text) }.joined(separator: " ")
        }
        let standalone = Set(candidates.map { key($0.tokens[...]) })
        return candidates.flatMap { candidate -> [NameCandidate] in
            let tokens = candidate.tokens
            guard tokens.count >= 2 else { return [candidate] }
            for length in stride(from: tokens.count - 1, through: 1, by: -1) {
                let rest = tokens[length...]
                guard standalone.contains(key(tokens[..<length])), rest.count >= 2 || standalone.contains(key(rest))
                else { continue }
                return [scan.finish(Array(tokens[..<length])), scan.finish(Array(rest))].compactMap { $0 }
            }
            for length in 1..<max(1, tokens.count - 1) where standalone.contains(key(tokens[length...])) {
                return [scan.finish(Array(tokens[..<length])), scan.finish(Array(tokens[length...]))].compactMap { $0 }
            }
            return [candidate]
        }
    }

    /// Whether at least half the letters have case.
    private static func isMostlyCased(_ characters: [Character]) -> Bool {
        var letters = 0
        var cased = 0
        for character in characters where character.isLetter {
            letters += 1
            if character.isCased { cased += 1 }
        }
        return letters > 0 && cased * 2 >= letters
    }

    /// The text from the first token to the last, with runs of whitespace made single spaces.
    private static func surface(of tokens: [NameToken], in characters: [Character]) -> String {
        guard let first = tokens.first, let last = tokens.last else { return "" }
        var surface = ""
        var lastWasSpace = false
        for character in characters[first.start..<last.end] {
            if character.isWhitespace {
                if !lastWasSpace { surface.append(" ") }
                lastWasSpace = true
            } else {
                surface.append(character)
                lastWasSpace = false
            }
        }
        return surface
    }
}

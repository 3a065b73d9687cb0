/// The words the date scanner knows in one language: month and weekday names, relative words, seasons,
/// and the context words that make a bare `7/11` or `2021` read as a date.
///
/// Languages: en, it, vi, de, es, fr. ``forLanguage(_:)`` gives the union of all six when the language is
/// unknown (nil, empty, `und`), and an empty vocabulary for any other language, so only the
/// language-free numeric patterns (`2021-11-07`, `07.11.2021`) apply there.
struct DateVocabulary: Sendable {
    /// Meteorological seasons of the northern hemisphere.
    enum Season: Sendable {
        case spring, summer, autumn, winter
    }

    /// Month names and abbreviations, lower-cased.
    var months: [String: Int] = [:]
    /// Abbreviations that must be followed by a period to count (`nov.`, `déc.`).
    var dottedMonths: [String: Int] = [:]
    /// Month and weekday names count only when capitalized (English and German).
    var namesNeedCapital = false
    /// ISO weekday (1 = Monday) by lower-cased name.
    var weekdays: [String: Int] = [:]
    /// When not empty, a weekday counts only after one of these words (Spanish `el lunes`).
    var weekdayArticles: Set<String> = []
    /// Relative phrases as lower-cased token sequences, with their offset in days from publication.
    var relatives: [(words: [String], offset: Int)] = []
    /// Words right before a weekday that make it a coming day (`next Monday`, `nächsten Montag`).
    var nextBefore: Set<String> = []
    /// Words right after a weekday that make it a coming day (`lunedì prossimo`, `lundi prochain`).
    var nextAfter: Set<String> = []
    /// Words earlier in the sentence that put a weekday in the future (`will`, `until`, `bis`).
    var futureMarkers: Set<String> = []
    /// Phrases after a weekday naming its week (`Monday of next week`), with the offset in weeks.
    var weekPhrases: [(words: [String], weeks: Int)] = []
    /// Relative years as lower-cased token sequences, with their offset in years (`last year` is -1).
    var relativeYears: [(words: [String], offset: Int)] = []
    /// Words that cancel a relative word when they come right before it (`esta mañana`, `heute morgen`).
    var relativeBlockers: [String: Set<String>] = [:]
    /// Season names, lower-cased.
    var seasons: [String: Season] = [:]
    /// Words that make a following 4-digit number a year (`in 2021`, `năm 2021`), sports seasons included
    /// (`mùa giải 2022`, `stagione 2022`).
    var yearContext: Set<String> = []
    /// Words that make a following `d/m` without year a date (`ngày 7/11`, `on 11/7`).
    var dayContext: Set<String> = []
    /// Context words kept in the mention text (`tối 7/11`), as opposed to `on` or `le`.
    var keptContext: Set<String> = []
    /// Separators allowed in a `d/m` without year after a context word.
    var dayMonthSeparators: Set<Character> = ["/"]
    /// Words allowed between parts of a date (`7 de noviembre de 2021`, `summer of 2021`).
    var connectors: Set<String> = []
    /// Phrases right before a date that make it the start of a period (`since June 2024`, `kể từ tháng 6/2024`),
    /// as lower-cased token sequences: such a date is background, not the day of the event.
    var periodStarts: [[String]] = []
    /// Words allowed between a period start and its date (`seit dem 5. Juni`, `depuis le 5 juin`).
    var periodFillers: Set<String> = []
    /// Numeric dates read month first when valid (`11/7/2021` is 7 November in English).
    var monthFirst = false
    /// Vietnamese patterns (`ngày 7 tháng 11`, `thứ Hai`, `tháng 11/2021`).
    var vietnamese = false

    /// The vocabulary for a language code such as `vi`, `en-US` or `fr_FR` (case-insensitive).
    static func forLanguage(_ language: String?) -> DateVocabulary {
        let code = language.map { String($0.lowercased().prefix { $0.isLetter }.prefix(2)) } ?? ""
        switch code {
        case "en": return english
        case "it": return italian
        case "vi": return vietnameseWords
        case "de": return german
        case "es": return spanish
        case "fr": return french
        case "", "un": return union
        default: return DateVocabulary()
        }
    }

    static let union: DateVocabulary = {
        var all = DateVocabulary()
        for part in [italian, vietnameseWords, german, spanish, french, english] {
            all.months.merge(part.months) { old, _ in old }
            all.dottedMonths.merge(part.dottedMonths) { old, _ in old }
            all.seasons.merge(part.seasons) { old, _ in old }
            all.yearContext.formUnion(part.yearContext)
            all.connectors.formUnion(part.connectors)
            all.periodStarts += part.periodStarts
            all.periodFillers.formUnion(part.periodFillers)
        }
        // Vietnamese `mai` (tomorrow) is also French and German May: keep month names, drop the risky ones.
        all.months["mai"] = nil
        all.namesNeedCapital = false
        return all
    }()

    static let english: DateVocabulary = {
        var v = DateVocabulary()
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december",
        ]
        for (i, name) in names.enumerated() { v.months[name] = i + 1 }
        for (name, month) in [
            ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
            ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ] {
            v.months[name] = month
        }
        v.namesNeedCapital = true
        v.weekdays = weekdayTable(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
        v.relatives = [
            (["day", "before", "yesterday"], -2), (["yesterday"], -1), (["last", "night"], -1),
            (["today"], 0), (["tonight"], 0), (["this", "morning"], 0), (["tomorrow"], 1),
        ]
        v.relativeYears = [(["last", "year"], -1), (["this", "year"], 0), (["next", "year"], 1)]
        v.nextBefore = ["next", "coming"]
        v.weekPhrases = [(["of", "next", "week"], 1), (["of", "last", "week"], -1), (["of", "this", "week"], 0)]
        v.futureMarkers = ["will", "ll", "until", "scheduled", "upcoming", "next"]
        v.seasons = ["spring": .spring, "summer": .summer, "autumn": .autumn, "fall": .autumn, "winter": .winter]
        v.yearContext = ["in", "since", "during", "until", "year", "season"]
        v.dayContext = ["on"]
        v.periodStarts = [["since"]]
        v.periodFillers = ["the"]
        v.connectors = ["of"]
        v.monthFirst = true
        return v
    }()

    static let italian: DateVocabulary = {
        var v = DateVocabulary()
        let names = [
            "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
            "ottobre", "novembre", "dicembre",
        ]
        for (i, name) in names.enumerated() { v.months[name] = i + 1 }
        for (name, month) in [
            ("gen", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("mag", 5), ("giu", 6), ("lug", 7),
            ("ago", 8), ("set", 9), ("ott", 10), ("nov", 11), ("dic", 12),
        ] {
            v.dottedMonths[name] = month
        }
        v.weekdays = weekdayTable(["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"])
        v.weekdays.merge(weekdayTable(["lunedi", "martedi", "mercoledi", "giovedi", "venerdi"])) { old, _ in old }
        v.relatives = [
            (["altro", "ieri"], -2), (["altroieri"], -2), (["ieri"], -1), (["oggi"], 0),
            (["stamattina"], 0), (["stasera"], 0), (["stanotte"], 0), (["dopodomani"], 2),
            (["domani"], 1),
        ]
        v.relativeYears = [(["anno", "scorso"], -1), (["quest", "'", "anno"], 0), (["anno", "prossimo"], 1)]
        v.nextBefore = ["prossimo"]
        v.nextAfter = ["prossimo"]
        v.weekPhrases = [(["della", "prossima", "settimana"], 1), (["della", "settimana", "scorsa"], -1)]
        v.futureMarkers = ["fino", "entro"]
        v.seasons = ["primavera": .spring, "estate": .summer, "autunno": .autumn, "inverno": .winter]
        v.yearContext = ["nel", "dal", "anno", "stagione"]
        v.dayContext = ["il", "dal", "al"]
        v.periodStarts = [["dal"], ["dall"], ["dalla"], ["da"]]
        v.periodFillers = ["il"]
        v.connectors = ["del", "di"]
        return v
    }()

    static let french: DateVocabulary = {
        var v = DateVocabulary()
        let names = [
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
            "octobre", "novembre", "décembre",
        ]
        for (i, name) in names.enumerated() { v.months[name] = i + 1 }
        v.months["fevrier"] = 2
        v.months["aout"] = 8
        v.months["decembre"] = 12
        for (name, month) in [
            ("janv", 1), ("févr", 2), ("fév", 2), ("avr", 4), ("juil", 7), ("sept", 9),
            ("oct", 10), ("nov", 11), ("déc", 12),
        ] {
            v.dottedMonths[name] = month
        }
        v.weekdays = weekdayTable(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])
        v.relatives = [
            (["avant", "-", "hier"], -2), (["hier"], -1), (["aujourd", "'", "hui"], 0),
            (["après", "-", "demain"], 2), (["demain"], 1),
        ]
        v.relativeYears = [
            (["an", "dernier"], -1), (["année", "dernière"], -1), (["cette", "année"], 0),
            (["an", "prochain"], 1), (["année", "prochaine"], 1),
        ]
        v.nextAfter = ["prochain"]
        v.weekPhrases = [(["de", "la", "semaine", "prochaine"], 1), (["de", "la", "semaine", "dernière"], -1)]
        v.futureMarkers = ["jusqu", "prévu", "prévue", "prévus", "prévues"]
        v.seasons = ["printemps": .spring, "été": .summer, "automne": .autumn, "hiver": .winter]
        v.yearContext = ["en", "depuis", "année", "an", "saison"]
        v.dayContext = ["le", "du", "au"]
        v.periodStarts = [["depuis"]]
        v.periodFillers = ["le", "la", "l"]
        v.connectors = ["de"]
        return v
    }()

    static let german: DateVocabulary = {
        var v = DateVocabulary()
        let names = [
            "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
            "oktober", "november", "dezember",
        ]
        for (i, name) in names.enumerated() { v.months[name] = i + 1 }
        v.months["jänner"] = 1
        v.months["maerz"] = 3
        for (name, month) in [
            ("jan", 1), ("feb", 2), ("mär", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
            ("sep", 9), ("sept", 9), ("okt", 10), ("nov", 11), ("dez", 12),
        ] {
            v.dottedMonths[name] = month
        }
        v.namesNeedCapital = true
        v.weekdays = weekdayTable(["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"])
        v.weekdays["sonnabend"] = 6
        v.relatives = [
            (["vorgestern"], -2), (["gestern"], -1), (["heute"], 0), (["übermorgen"], 2),
            (["morgen"], 1),
        ]
        v.relativeBlockers = ["morgen": ["heute", "gestern", "am", "den", "jeden", "guten"]]
        v.relativeYears = [
            (["letztes", "jahr"], -1), (["letzten", "jahr"], -1), (["vergangenes", "jahr"], -1),
            (["vergangenen", "jahr"], -1), (["dieses", "jahr"], 0), (["diesem", "jahr"], 0),
            (["nächstes", "jahr"], 1), (["nächsten", "jahr"], 1),
        ]
        v.nextBefore = ["nächsten", "kommenden", "nächster", "kommender"]
        v.weekPhrases = [
            (["nächster", "woche"], 1), (["kommender", "woche"], 1), (["letzter", "woche"], -1),
            (["vergangener", "woche"], -1),
        ]
        v.futureMarkers = ["wird", "werden", "bis", "soll", "sollen"]
        v.seasons = [
            "frühling": .spring, "frühjahr": .spring, "sommer": .summer, "herbst": .autumn,
            "winter": .winter,
        ]
        v.yearContext = ["jahr", "jahre", "seit", "saison"]
        v.dayContext = ["am", "vom", "bis", "zum", "seit"]
        v.periodStarts = [["seit"]]
        v.periodFillers = ["dem", "der"]
        v.dayMonthSeparators = ["/", "."]
        return v
    }()

    static let spanish: DateVocabulary = {
        var v = DateVocabulary()
        let names = [
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
            "octubre", "noviembre", "diciembre",
        ]
        for (i, name) in names.enumerated() { v.months[name] = i + 1 }
        v.months["setiembre"] = 9
        v.weekdays = weekdayTable(["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"])
        v.weekdays["miercoles"] = 3
        v.weekdays["sabado"] = 6
        v.weekdayArticles = ["el", "este", "pasado", "del", "próximo"]
        v.relatives = [
            (["antes", "de", "ayer"], -2), (["anteayer"], -2), (["ayer"], -1), (["anoche"], -1),
            (["hoy"], 0), (["pasado", "mañana"], 2), (["mañana"], 1),
        ]
        v.relativeBlockers = ["mañana": ["la", "esta", "una", "cada", "media", "toda", "misma", "esa"]]
        v.relativeYears = [
            (["año", "pasado"], -1), (["este", "año"], 0), (["próximo", "año"], 1),
            (["año", "próximo"], 1), (["año", "que", "viene"], 1),
        ]
        v.nextBefore = ["próximo"]
        v.nextAfter = ["próximo"]
        v.weekPhrases = [(["de", "la", "próxima", "semana"], 1), (["de", "la", "semana", "pasada"], -1)]
        v.futureMarkers = ["hasta", "será", "serán", "previsto", "prevista"]
        v.seasons = ["primavera": .spring, "verano": .summer, "otoño": .autumn, "invierno": .winter]
        v.yearContext = ["en", "desde", "año", "temporada"]
        v.dayContext = ["el", "del", "al"]
        v.periodStarts = [["desde"]]
        v.periodFillers = ["el", "la"]
        v.connectors = ["de", "del"]
        return v
    }()

    static let vietnameseWords: DateVocabulary = {
        var v = DateVocabulary()
        v.vietnamese = true
        v.relatives = [
            (["hôm", "kia"], -2), (["hôm", "qua"], -1), (["tối", "qua"], -1), (["đêm", "qua"], -1),
            (["sáng", "qua"], -1), (["trưa", "qua"], -1), (["chiều", "qua"], -1), (["hôm", "nay"], 0),
            (["sáng", "nay"], 0), (["trưa", "nay"], 0), (["chiều", "nay"], 0), (["tối", "nay"], 0),
            (["đêm", "nay"], 0), (["ngày", "mai"], 1), (["sáng", "mai"], 1), (["chiều", "mai"], 1),
            (["tối", "mai"], 1),
        ]
        v.relativeYears = [
            (["năm", "ngoái"], -1), (["năm", "trước"], -1), (["năm", "nay"], 0), (["năm", "sau"], 1),
            (["năm", "tới"], 1),
        ]
        v.weekdays = ["hai": 1, "ba": 2, "tư": 3, "năm": 4, "sáu": 5, "bảy": 6]
        v.seasons = ["xuân": .spring, "hè": .summer, "hạ": .summer, "thu": .autumn, "đông": .winter]
        v.yearContext = ["năm", "giải"]
        v.dayContext = ["ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "khuya"]
        v.keptContext = v.dayContext
        v.periodStarts = [["kể", "từ"], ["tính", "từ"]]
        v.dayMonthSeparators = ["/", "-", "."]
        v.connectors = ["năm"]
        return v
    }()

    private static func weekdayTable(_ names: [String]) -> [String: Int] {
        var table: [String: Int] = [:]
        for (i, name) in names.enumerated() { table[name] = i + 1 }
        return table
    }
}

/// The words around numbers that the number extractor knows, in en, it, vi, de, es and fr.
enum NumberVocabulary {
    /// Words that scale the number before them (`5 triệu`, `3,5 millions`, `1,2 Mrd.`).
    static let multipliers: [String: Double] = [
        "thousand": 1e3, "thousands": 1e3, "nghìn": 1e3, "ngàn": 1e3, "mila": 1e3, "mille": 1e3,
        "tausend": 1e3, "mil": 1e3,
        "million": 1e6, "millions": 1e6, "triệu": 1e6, "milione": 1e6, "milioni": 1e6, "millionen": 1e6,
        "mio": 1e6, "millón": 1e6, "millones": 1e6, "mn": 1e6,
        "billion": 1e9, "billions": 1e9, "tỷ": 1e9, "tỉ": 1e9, "miliardo": 1e9, "miliardi": 1e9,
        "milliard": 1e9, "milliards": 1e9, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "bn": 1e9,
        "trillion": 1e12, "trillions": 1e12,
    ]

    /// Currency symbols before or after a number, as unit codes.
    static let currencySymbols: [Character: String] = ["$": "usd", "€": "eur", "£": "gbp", "¥": "jpy", "₫": "vnd"]

    /// Words meaning "percent"; the unit becomes `%`. Multi-word forms are matched on their last word.
    static let percentWords: Set<String> = ["percent", "prozent", "percento", "porciento"]
    /// Two-word percent forms: first word, then the second words it may take.
    static let percentPhrases: [String: Set<String>] = [
        "phần": ["trăm"], "per": ["cent", "cento"], "por": ["ciento"], "pour": ["cent"],
    ]

    /// Words after a multiplier that lead to the real unit (`3,5 millions d'habitants`, `5 million of`).
    static let connectors: Set<String> = ["de", "d", "of", "di", "del", "des", "degli", "delle", "dei"]

    /// Units that may be glued to the number (`20km`, `5kg`).
    static let gluedUnits: Set<String> = ["km", "kg", "m", "cm", "mm", "g", "t", "ha", "kw", "mw", "gw", "l", "ml"]

    /// Words after a number that mark a time of day, not a quantity (`7 Uhr`, `5 pm`).
    static let timeWords: Set<String> = ["uhr", "h", "am", "pm", "heures", "heure", "horas"]

    /// Words that, right before a number, make it a label or an ordinal (`số 5`, `thứ 2`, `No 5`).
    static let labelWords: Set<String> = [
        "số", "thứ", "điều", "khoản", "chương", "phần", "no", "nr", "n", "art", "article", "artikel",
        "articolo", "artículo", "chapter", "section", "page", "trang", "tập", "kỳ", "phase", "version",
        "lộ", "route", "highway", "km", "hạng", "kỷ", "linie", "line", "number", "nummer", "numero", "número",
        "numéro",
    ]

    /// Function words that are not units (`3 of them`, `2 và`, `5 et`).
    static let nonUnits: Set<String> = [
        "and", "or", "of", "to", "in", "on", "at", "the", "a", "an", "for", "by", "with", "from",
        "và", "hoặc", "của", "là", "với", "cho", "ở", "tại", "trong", "trên", "đến", "từ",
        "e", "o", "di", "a", "da", "in", "il", "la", "le", "per", "con", "su", "tra", "fra",
        "et", "ou", "de", "du", "des", "à", "au", "en", "sur", "par", "pour",
        "und", "oder", "der", "die", "das", "den", "dem", "im", "am", "zu", "von", "mit", "bis",
        "y", "el", "los", "las", "del", "al", "por", "para",
        "due", "last", "next", "this", "that", "more", "less", "than", "new", "recent", "other", "such", "as",
        "was", "were", "is", "are", "have", "has", "had", "will", "would", "who", "which",
    ]

    /// Words after a number range (`10-15 người`) that make it a range of counts, not a score.
    static let rangeUnits: Set<String> = [
        "people", "persons", "dead", "deaths", "years", "days", "hours", "minutes", "weeks", "months", "km",
        "miles", "percent", "người", "ngày", "năm", "tháng", "giờ", "phút", "tuổi", "km", "tuần",
        "persone", "morti", "anni", "giorni", "ore", "minuti", "settimane", "mesi",
        "personnes", "morts", "ans", "jours", "heures", "minutes", "semaines", "mois",
        "menschen", "tote", "jahre", "tage", "stunden", "minuten", "wochen", "monate",
        "personas", "muertos", "años", "días", "horas", "minutos", "semanas", "meses",
        "uhr", "h", "am", "pm",
    ]
}

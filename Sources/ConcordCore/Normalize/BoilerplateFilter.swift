/// Recognises lines that are site furniture rather than article text.
///
/// Deliberately conservative: a line is dropped only when it is short (at most eight words) and,
/// lower-cased and stripped of surrounding punctuation, is exactly one of a small multilingual list
/// (`Advertisement`, `Read more`, `Leggi anche`, `Đọc thêm` ...) or starts with a labelled prefix such as
/// `Read more:` or `Lire aussi :`, or is a copyright line. Article sentences are never matched.
enum BoilerplateFilter {
    /// Whether `line` (already trimmed, single-spaced) is boilerplate.
    static func isBoilerplate(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard words.count <= 8 else { return false }
        let lowered = line.lowercased()
        let core = lowered.trimmed(while: { !$0.isLetter && !$0.isNumber })
        if exactLines.contains(core) { return true }
        if labelPrefixes.contains(where: { lowered.hasPrefix($0) }) { return true }
        return lowered.hasPrefix("©") || lowered.hasPrefix("copyright ©") || lowered.contains("all rights reserved")
    }

    private static let exactLines: Set<String> = [
        "advertisement", "advertising", "sponsored", "share", "share this", "share this article", "tweet",
        "read more", "read also", "see also", "related", "related articles", "related stories",
        "subscribe", "sign up", "click here", "continue reading", "print", "email", "comments",
        "pubblicità", "leggi anche", "leggi tutto", "condividi", "publicité", "lire aussi", "lire la suite",
        "à lire aussi", "partager", "werbung", "anzeige", "mehr zum thema", "lesen sie auch", "teilen",
        "publicidad", "lee también", "leer más", "compartir", "quảng cáo", "đọc thêm", "xem thêm", "chia sẻ",
        "tin liên quan", "bài liên quan", "reklam", "ilginizi çekebilir", "devamını oku", "paylaş",
        "reklama", "czytaj także", "czytaj też", "czytaj więcej", "udostępnij", "publicidade", "leia também",
        "leia mais", "compartilhe", "lees ook", "lees meer", "advertentie", "delen",
    ]

    private static let labelPrefixes: [String] = [
        "read more:", "read also:", "see also:", "related:", "leggi anche:", "lire aussi :", "lire aussi:",
        "à lire aussi", "lesen sie auch:", "mehr zum thema:", "lee también:", "đọc thêm:", "xem thêm:",
        "leia também:", "czytaj także:", "lees ook:", "follow us on", "share on facebook", "share on twitter",
        "click here to", "sign up for our", "subscribe to our",
    ]
}

extension StringProtocol {
    /// The text without leading and trailing characters matching `predicate`.
    fileprivate func trimmed(while predicate: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !predicate($0) }), let last = lastIndex(where: { !predicate($0) })
        else { return "" }
        return String(self[first...last])
    }
}

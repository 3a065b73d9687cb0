/// Recognises words shaped like one Vietnamese syllable.
///
/// A syllable is an optional initial consonant (`ngh`, `ng`, `nh`, `ch`, `gh`, `gi`, `kh`, `ph`, `qu`,
/// `th`, `tr` or a single consonant), one to three vowels, and an optional final (`c`, `ch`, `m`, `n`,
/// `ng`, `nh`, `p`, `t`), checked on the folded word. `Tổ`, `Nga`, `Quảng`, `Nghiêng` match; `Brunei`,
/// `Pskov`, `Sharia`, `Iran` do not, which lets ``EntityExtractor`` tell a capitalized Vietnamese common
/// word from a foreign name.
enum VietnameseSyllable {
    /// Whether `word` has the shape of a single Vietnamese syllable.
    static func matches(_ word: String) -> Bool {
        let folded = NameFolding.fold(word)
        guard !folded.isEmpty, folded.count <= 7, folded.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        var rest = Substring(folded)
        if let onset = onsets.first(where: { rest.hasPrefix($0) }) { rest = rest.dropFirst(onset.count) }
        let vowelCount = rest.prefix(while: { "aeiouy".contains($0) }).count
        guard (1...3).contains(vowelCount) else { return false }
        return finals.contains(String(rest.dropFirst(vowelCount)))
    }

    private static let onsets = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h", "k", "l", "m",
        "n", "p", "r", "s", "t", "v", "x",
    ]
    private static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
}

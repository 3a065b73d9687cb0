/// Inserts the space a sloppy feed left out between two sentences.
///
/// The rule: after `.`, `!`, `?` or `…` (optionally followed by a closing quote or bracket), when an
/// upper-case letter follows directly and a lower-case letter follows that, insert a space. For `.` the
/// character before must also be a lower-case letter or a digit. This fixes `ngày 7/11.Không đơn thuần`
/// and `said.”The` but leaves `U.S.`, `3.5`, `e.g.`, `vov.vn`, `OpenAI.GPT` alone; words holding
/// `://`, `www.` or `@` (URLs, addresses), or a period earlier in the word (`2.0.Beta`), are never touched.
enum SentenceSpacing {
    /// Returns `line` with missing sentence spaces inserted.
    ///
    /// - Complexity: O(n) in the number of characters.
    static func repair(_ line: String) -> String {
        guard line.contains(where: { terminators.contains($0) }) else { return line }
        let characters = Array(line)
        var insertions: [Int] = []
        for index in characters.indices where terminators.contains(characters[index]) {
            if let position = insertionPoint(after: index, in: characters) { insertions.append(position) }
        }
        guard !insertions.isEmpty else { return line }
        var output = ""
        output.reserveCapacity(line.utf8.count + insertions.count)
        var next = 0
        for (index, character) in characters.enumerated() {
            if next < insertions.count, insertions[next] == index {
                output.append(" ")
                next += 1
            }
            output.append(character)
        }
        return output
    }

    private static let terminators: Set<Character> = [".", "!", "?", "…"]
    private static let closers: Set<Character> = ["”", "’", "»", ")"]

    /// Index before which a space belongs, when the punctuation at `index` ends a glued sentence.
    private static func insertionPoint(after index: Int, in characters: [Character]) -> Int? {
        guard index > 0 else { return nil }
        let before = characters[index - 1]
        if characters[index] == "." {
            guard before.isLowercase || before.isNumber else { return nil }
        } else {
            guard before.isLetter || before.isNumber || closers.contains(before) else { return nil }
        }
        var start = index + 1
        if start < characters.count, closers.contains(characters[start]) { start += 1 }
        guard start + 1 < characters.count, characters[start].isUppercase, characters[start + 1].isLowercase
        else { return nil }
        return isInsideAddress(index, in: characters) ? nil : start
    }

    /// Whether the word around `index` looks like a URL, an e-mail address, or already holds a period
    /// before `index` (`2.0.Beta`, `e.g.Some`): then the period is not a sentence end.
    private static func isInsideAddress(_ index: Int, in characters: [Character]) -> Bool {
        var lower = index
        while lower > 0, !characters[lower - 1].isWhitespace { lower -= 1 }
        var upper = index
        while upper < characters.count, !characters[upper].isWhitespace { upper += 1 }
        let word = String(characters[lower..<upper]).lowercased()
        let head = characters[lower..<index]
        return word.contains("://") || word.contains("www.") || word.contains("@") || head.contains(".")
    }
}

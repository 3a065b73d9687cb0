/// Counts name mentions by folded key and links surname-only mentions to full names.
struct NameTally: Sendable {
    private struct Entry: Sendable {
        var surface: String
        var key: String
        var keyWords: [Substring]
        var count: Int
        /// Every mention so far was a single German word awaiting confirmation.
        var needsCheck: Bool
    }

    private var entries: [String: Entry] = [:]

    /// Records one mention; the longest surface seen is kept (the first one on a tie).
    mutating func add(surface: String, needsCheck: Bool) {
        let key = NameFolding.fold(surface)
        guard !key.isEmpty else { return }
        if var entry = entries[key] {
            entry.count += 1
            entry.needsCheck = entry.needsCheck && needsCheck
            if surface.count > entry.surface.count { entry.surface = surface }
            entries[key] = entry
        } else {
            let words = key.split(separator: " ")
            entries[key] = Entry(surface: surface, key: key, keyWords: words, count: 1, needsCheck: needsCheck)
        }
    }

    /// Drops entries still awaiting confirmation unless they end a longer name or
    /// `isConfirmed(surface, count)`.
    ///
    /// Every entry is judged against the names as they were before any drop, so the result does not
    /// depend on the order of the entries.
    mutating func dropUnconfirmedSingles(_ isConfirmed: (String, Int) -> Bool) {
        let dropped = entries.values.filter { entry in
            entry.needsCheck && longerNames(endingWith: entry.keyWords).isEmpty
                && !isConfirmed(entry.surface, entry.count)
        }
        for entry in dropped { entries[entry.key] = nil }
    }

    /// Adds the count of each name whose words end a longer name to that longer name and removes it.
    ///
    /// Names are linked longest first, so `Dũng` reaches `Nguyễn Tấn Dũng` even when `Tấn Dũng` was
    /// seen too. When several longer names qualify, the most mentioned wins (then the smaller key).
    ///
    /// - Complexity: O(e²) in the number of distinct names.
    mutating func linkSurnames() {
        let order = entries.values.sorted { ($0.keyWords.count, $0.key) > ($1.keyWords.count, $1.key) }
        for entry in order {
            guard let current = entries[entry.key] else { continue }
            let targets = longerNames(endingWith: current.keyWords)
            guard let target = targets.max(by: { ($0.count, $1.key) < ($1.count, $0.key) }) else { continue }
            entries[target.key]?.count += current.count
            entries[current.key] = nil
        }
    }

    /// The mentions, most mentioned first, then by key.
    func mentions() -> [EntityMention] {
        entries.values
            .sorted { ($1.count, $0.key) < ($0.count, $1.key) }
            .map { EntityMention(surface: $0.surface, key: $0.key, count: $0.count) }
    }

    private func longerNames(endingWith words: [Substring]) -> [Entry] {
        entries.values.filter {
            $0.keyWords.count > words.count && $0.keyWords.suffix(words.count).elementsEqual(words)
        }
    }
}

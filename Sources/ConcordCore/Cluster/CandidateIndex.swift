/// An inverted index from distinctive terms and entity keys to the events that contain them.
///
/// Only an article's most distinctive terms are posted and looked up, so posting lists stay short.
public struct CandidateIndex: Sendable, Hashable {
    private(set) var postings: [String: Set<EventID>] = [:]

    public init() {}

    /// Posts `keys` for `event`.
    public mutating func post(_ keys: some Sequence<String>, for event: EventID) {
        for key in keys { postings[key, default: []].insert(event) }
    }

    /// Moves every posting of `absorbed` to `survivor`.
    public mutating func rename(_ absorbed: EventID, to survivor: EventID, keys: some Sequence<String>) {
        for key in keys {
            guard var set = postings[key], set.remove(absorbed) != nil else { continue }
            set.insert(survivor)
            postings[key] = set
        }
    }

    /// Events sharing any of `keys`, with how many keys they share.
    public func lookup(_ keys: some Sequence<String>) -> [EventID: Int] {
        var hits: [EventID: Int] = [:]
        for key in keys {
            for event in postings[key] ?? [] { hits[event, default: 0] += 1 }
        }
        return hits
    }

    /// Every event id posted anywhere (for invariant checks).
    var allEvents: Set<EventID> { postings.values.reduce(into: Set()) { $0.formUnion($1) } }
}

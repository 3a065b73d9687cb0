import ConcordCore
import ConcordStore
import Foundation
import Synchronization

/// What an event page shows, worked out from the event and its articles: a headline per language, the
/// articles with their near copies folded under the original, independent sources, a timeline, and why each
/// article is there.
public struct EventView: Sendable {
    /// One language's coverage.
    public struct Language: Sendable {
        public var code: String
        public var count: Int
        /// The headline most like the others of this language (the medoid of their words).
        public var title: String
        public var articles: [Article]
    }

    /// One article, with the near copies of it (wire copies, syndicated reprints) folded under it.
    public struct Article: Sendable {
        public var stored: StoredArticle
        public var copies: [StoredArticle]
    }

    /// A bar of the timeline: articles published in one hour or one day.
    public struct Bin: Sendable {
        public var start: Date
        public var count: Int
    }

    public var summary: EventSummary
    public var languages: [Language]
    /// Distinct outlets among the originals (a copy does not add a source).
    public var independentSources: Int
    public var copies: Int
    /// Hours or days, whichever gives a readable number of bars; empty when no article has a date.
    public var timeline: [Bin]
    public var binSeconds: Double

    public init(summary: EventSummary, articles: [StoredArticle]) {
        self.summary = summary
        let ordered = articles.sorted {
            let a = $0.article.published ?? .distantFuture, b = $1.article.published ?? .distantFuture
            return a != b ? a < b : $0.article.id < $1.article.id
        }
        // Fold each article under the earliest article it nearly copies (same language).
        let groups = NearCopies.groups(ordered.map(\.features))
        let originals = groups.map { g in Article(stored: ordered[g[0]], copies: g.dropFirst().map { ordered[$0] }) }
        copies = originals.map(\.copies.count).reduce(0, +)
        independentSources = NearCopies.independentSources(ordered.map(\.features), groups: groups)
        var byLanguage: [String: [Article]] = [:]
        for a in originals { byLanguage[a.stored.features.language, default: []].append(a) }
        languages = byLanguage.map { code, group in
            Language(
                code: code, count: group.map { 1 + $0.copies.count }.reduce(0, +),
                title: Self.representative(group.map(\.stored)), articles: group)
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
        let times = ordered.compactMap(\.article.published)
        (timeline, binSeconds) = Self.bins(times)
    }

    /// The title of the article whose words are closest to the others' (the first one on a tie).
    static func representative(_ articles: [StoredArticle]) -> String {
        guard articles.count > 2 else { return articles.first?.article.title ?? "" }
        var best = 0
        var bestScore = -1.0
        for (i, a) in articles.enumerated() {
            let score = articles.enumerated().filter { $0.offset != i }
                .map { NearCopies.cosine(a.features.terms, $0.element.features.terms) }.reduce(0, +)
            if score > bestScore + 1e-9 {
                best = i
                bestScore = score
            }
        }
        return articles[best].article.title
    }

    /// Publication times counted per hour when they span at most three days, else per day (UTC).
    static func bins(_ times: [Date]) -> ([Bin], Double) {
        guard let first = times.min(), let last = times.max() else { return ([], 86_400) }
        let width: Double = last.timeIntervalSince(first) <= 3 * 86_400 ? 3_600 : 86_400
        let start = (first.timeIntervalSince1970 / width).rounded(.down) * width
        let n = min(400, Int(((last.timeIntervalSince1970 - start) / width).rounded(.down)) + 1)
        var counts = [Int](repeating: 0, count: n)
        for t in times {
            counts[min(n - 1, Int(((t.timeIntervalSince1970 - start) / width).rounded(.down)))] += 1
        }
        return (
            counts.enumerated().map {
                Bin(start: Date(timeIntervalSince1970: start + Double($0.offset) * width), count: $0.element)
            },
            width
        )
    }
}

/// Near copies among an event's articles: wire copies and syndicated reprints, near-identical text under
/// different outlets, counted once as a source.
public enum NearCopies {
    /// Two articles of one language are near copies when their words (TF-IDF weights) have a cosine at least
    /// this high.
    public static let copyCosine = 0.9
    /// Past this many articles, the rest are not compared (each is its own original).
    static let compared = 500

    /// Groups of article indices: each an original (the earliest, given the articles in time order) and
    /// the near copies of it.
    public static func groups(_ articles: [ArticleFeatures]) -> [[Int]] {
        // Each article's norm once, not once per comparison.
        let norms = articles.prefix(compared).map { norm($0.terms) }
        var groups: [[Int]] = []
        for (i, a) in articles.enumerated() {
            if i < compared,
                let g = groups.firstIndex(where: {
                    let o = $0[0]
                    return o < compared && articles[o].language == a.language
                        && cosine(articles[o].terms, a.terms, norms[o], norms[i]) >= copyCosine
                })
            {
                groups[g].append(i)
            } else {
                groups.append([i])
            }
        }
        return groups
    }

    /// Distinct outlets among the originals (an article without an outlet counts as its own).
    public static func independentSources(_ articles: [ArticleFeatures], groups: [[Int]]) -> Int {
        Set(groups.map { (articles[$0[0]].source ?? articles[$0[0]].articleID).lowercased() }).count
    }

    static func cosine(_ a: [String: Float], _ b: [String: Float]) -> Double { cosine(a, b, norm(a), norm(b)) }

    static func norm(_ v: [String: Float]) -> Double {
        v.values.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
    }

    static func cosine(_ a: [String: Float], _ b: [String: Float], _ na: Double, _ nb: Double) -> Double {
        guard na > 0, nb > 0 else { return 0 }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var dot = 0.0
        for (k, v) in small { if let w = large[k] { dot += Double(v) * Double(w) } }
        return dot / (na * nb)
    }

}

/// Events that look like a given one but were kept apart, each with the reason, at any distance in time.
///
/// Candidates are the events whose articles name the event's entities (full-text search, so a derby three
/// years earlier is found though it is far outside the clustering's time window); each is assessed
/// against the event, article against article, by the same-event model with the store's statistics. Those
/// the model keeps apart are the look-alikes, the most similar first. A name that more than
/// ``maxNameFrequency`` stored articles mention (a country, a ministry) is not searched for: it says little
/// about which events look alike, and ranking every article that names it costs a large store a
/// tenth of a second per page.
public final class LookAlikeFinder: Sendable {
    public struct LookAlike: Sendable {
        public var summary: EventSummary
        public var probability: Double
        public var threshold: Double
        /// Why they are apart, e.g. `event dates conflict (2025-03-09 vs 2022-03-13, 1092 days)`.
        public var reason: String
        /// How alike they look: the embedding cosine, else the words'.
        public var similarity: Double
    }

    let store: any EventStore
    let configuration: EventClustering.Configuration
    /// Names mentioned by more stored articles than this are not searched for. Default 1,000.
    public let maxNameFrequency: Int
    /// The assessing state, rebuilt when the store has grown by a tenth since it was built.
    let state = Mutex<(clustering: EventClustering, documents: Int)?>(nil)

    public init(
        store: any EventStore, configuration: EventClustering.Configuration = .init(), maxNameFrequency: Int = 1_000
    ) {
        self.store = store
        self.configuration = configuration
        self.maxNameFrequency = maxNameFrequency
    }

    /// Builds the assessing state from the store now (a server does it at start, so that the first page does
    /// not wait for the corpus statistics).
    public func prepare() throws {
        try withAssessor(documents: try store.counts().articles) { _ in }
    }

    /// Up to `limit` look-alikes of the event, most similar first.
    public func lookAlikes(of summary: EventSummary, articles: [StoredArticle], limit: Int = 3) throws -> [LookAlike] {
        guard let mine = Self.representative(articles) else { return [] }
        // Once per page, and by a count: the corpus itself is read only to rebuild the assessor.
        let documents = try store.counts().articles
        let names = try searchNames(summary, documents: documents)
        let candidates = try store.events(sharingAnyOf: names, excluding: summary.id, limit: 12)
        var found: [LookAlike] = []
        for id in candidates {
            guard let (other, members) = try store.event(id), let theirs = Self.representative(members) else {
                continue
            }
            let a = try assess(mine.features, theirs.features, documents: documents)
            found.append(
                LookAlike(
                    summary: other, probability: a.probability, threshold: a.threshold, reason: Self.reason(a),
                    similarity: a.signals.embedding ?? a.signals.lexical ?? 0))
        }
        return Array(found.sorted { $0.similarity > $1.similarity }.prefix(limit))
    }

    /// The event's top names that at most ``maxNameFrequency`` stored articles mention (when every one is
    /// more common, the least common of them).
    func searchNames(_ summary: EventSummary, documents: Int) throws -> [String] {
        // `entityKeys` ranks the same names as `entities`, further.
        let top = Array(zip(summary.entities, summary.entityKeys).prefix(6))
        let frequencies = try withAssessor(documents: documents) { s in
            top.map { s.statistics.frequency(ofEntity: $0.1) }
        }
        let named = zip(top.map(\.0), frequencies)
        let kept = named.filter { $0.1 <= maxNameFrequency }.map(\.0)
        if kept.isEmpty, let rarest = named.min(by: { $0.1 < $1.1 }) { return [rarest.0] }
        return kept
    }

    func assess(_ a: ArticleFeatures, _ b: ArticleFeatures, documents: Int) throws -> SameEventScorer.Assessment {
        try withAssessor(documents: documents) { $0.assess(a, b) }
    }

    /// Runs `body` on the assessing state, built from the store first when there is none or the store has
    /// grown by a tenth since.
    func withAssessor<T>(documents: Int, _ body: (inout EventClustering) throws -> T) throws -> T {
        try state.withLock { s in
            if s == nil || Double(documents) > Double(s?.documents ?? 0) * 1.1 {
                s = (try Engine.assessor(store, configuration: configuration), documents)
            }
            guard var current = s else { preconditionFailure("the assessor is set above") }
            // Taken out while `body` runs, so that it is mutated in place, not copied.
            s = nil
            defer { s = current }
            return try body(&current.clustering)
        }
    }

    /// The earliest article of an event (the one that opened it, as a rule).
    static func representative(_ articles: [StoredArticle]) -> StoredArticle? {
        articles.min {
            let a = $0.article.published ?? .distantFuture, b = $1.article.published ?? .distantFuture
            return a != b ? a < b : $0.article.id < $1.article.id
        }
    }

    /// The conflicts the model noted, and the signals that weighed most against one event.
    static func reason(_ a: SameEventScorer.Assessment) -> String {
        let conflicts = a.signals.notes.filter { $0.contains("conflict") || $0.hasPrefix("no shared") }
        // The gap in days, and the dates' weight, say again what a date conflict says.
        let skip: Set<String> =
            conflicts.contains { $0.hasPrefix("event dates") } ? ["bias", "gap", "datesConflict"] : ["bias"]
        let against = a.contributions.filter { !skip.contains($0.key) && $0.value <= -0.3 }
            .sorted { $0.value < $1.value }.prefix(2)
            .map { key, value -> String in
                switch key {
                case "gap": return "event days \(Int((a.signals.gapDays ?? 0).rounded())) days apart"
                case "publishedGap":
                    return "published \(Int(((a.signals.publishedGapHours ?? 0) / 24).rounded())) days apart"
                case "distinctiveMissing" where !a.signals.onlyInArticle.isEmpty:
                    return "names on one side only: " + a.signals.onlyInArticle.prefix(3).joined(separator: ", ")
                case "datesConflict": return "their dates disagree"
                case "scoresConflict": return "different scores"
                case "quantitiesConflict": return "different numbers"
                case "embedding", "embeddingCrossLingual":
                    return "texts unlike (cosine \(Explanation.format(a.signals.embedding ?? 0)))"
                case "lexical": return "words unlike (cosine \(Explanation.format(a.signals.lexical ?? 0)))"
                default: return "\(key) \(Explanation.format(value))"
                }
            }
        let p = Explanation.format(a.probability, digits: 3), t = Explanation.format(a.threshold, digits: 3)
        if a.isMatch {
            // Alike enough to join, but never compared: too far apart in time for the clustering's window.
            let days = Int(((a.signals.publishedGapHours ?? 0) / 24).rounded())
            return "never compared: published \(days) days apart, beyond the time window (p=\(p) >= \(t))"
        }
        let parts = conflicts + against
        return parts.isEmpty ? "p=\(p) < \(t)" : parts.joined(separator: "; ") + " (p=\(p) < \(t))"
    }
}

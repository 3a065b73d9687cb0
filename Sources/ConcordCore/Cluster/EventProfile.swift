import Foundation

/// What an event (or a single article, seen as an event of one) looks like to the same-event decision.
///
/// A profile sums its members' features, so joining an article or merging two events is an addition,
/// and scoring an article against an event uses the same code as scoring two articles.
public struct EventProfile: Sendable, Hashable {
    public var id: EventID
    /// Member article ids, in the order they joined.
    public private(set) var members: [String] = []
    /// Per language: the sum of the members' unit TF-IDF vectors (over interned term ids).
    public private(set) var terms: [String: SparseVector] = [:]
    /// Entity key → how many members mention it.
    public private(set) var entities: [String: Int] = [:]
    /// Entity key → the longest surface form seen.
    public private(set) var entityNames: [String: String] = [:]
    /// Score key (`score:1-1`) → how many members state it.
    public private(set) var scores: [String: Int] = [:]
    /// Quantity key → how many members state it.
    public private(set) var quantities: [String: Int] = [:]
    /// Event dates estimated from text (not from publication), one per member that has one.
    public private(set) var textDates: [EventDate] = []
    /// The text-derived event dates of members with a publication date: estimated from the days around
    /// publication, so they date the event itself, not its background.
    public private(set) var reportedDates: [EventDate] = []
    /// The days named without a year by members with no date at all (``ArticleFeatures/yearlessDay``).
    public private(set) var yearlessDays: [MonthDay] = []
    /// The earliest and latest anchor day (event date, else publication day) of the members, when any has one.
    public private(set) var daySpan: ClosedRange<Double>?
    /// Sum of member embeddings (each unit length), when members have embeddings.
    public private(set) var embeddingSum: [Float]?
    /// How many members have embeddings.
    public private(set) var embeddingCount = 0
    public private(set) var languages: [String: Int] = [:]
    /// The earliest and latest publication time of the members (seconds since 1970), when any is known.
    public private(set) var publishedRange: ClosedRange<Double>?
    /// Sum over members of their number of distinct terms.
    public private(set) var termTotal = 0.0

    public init(id: EventID) { self.id = id }

    /// A profile of one article, whose unit TF-IDF vector is `terms`.
    public init(id: EventID, article: ArticleFeatures, terms: SparseVector) {
        self.id = id
        add(article, terms: terms)
    }

    public var count: Int { members.count }

    /// Adds an article's features.
    ///
    /// - Complexity: O(t + e) in the article's terms and entities.
    public mutating func add(_ f: ArticleFeatures, terms vector: SparseVector) {
        members.append(f.articleID)
        languages[f.language, default: 0] += 1
        termTotal += Double(f.terms.count)
        if let p = f.published { publishedRange = Self.widen(publishedRange, p...p) }
        terms[f.language, default: SparseVector()].add(vector)
        for e in f.entities {
            entities[e.key, default: 0] += 1
            if e.surface.count > (entityNames[e.key]?.count ?? 0) { entityNames[e.key] = e.surface }
        }
        for key in Set(f.numbers.filter { $0.kind == .score }.map(\.key)) { scores[key, default: 0] += 1 }
        for key in Set(f.numbers.filter { $0.kind == .quantity && $0.value >= 10 }.map(\.key)) {
            quantities[key, default: 0] += 1
        }
        if let e = f.eventDate, e.source != .published {
            textDates.append(e)
            if f.published != nil { reportedDates.append(e) }
        }
        if let d = f.yearlessDay { yearlessDays.append(d) }
        if let day = f.anchorDay { daySpan = Self.widen(daySpan, day...day) }
        if let v = f.embedding, !v.isEmpty { addEmbedding(v, count: 1) }
    }

    /// Absorbs another profile (a merge of two events).
    public mutating func absorb(_ other: EventProfile) {
        members += other.members
        for (lang, bag) in other.terms { terms[lang, default: SparseVector()].add(bag) }
        entities.merge(other.entities, uniquingKeysWith: +)
        for (key, name) in other.entityNames where name.count > (entityNames[key]?.count ?? 0) {
            entityNames[key] = name
        }
        scores.merge(other.scores, uniquingKeysWith: +)
        quantities.merge(other.quantities, uniquingKeysWith: +)
        textDates += other.textDates
        yearlessDays += other.yearlessDays
        reportedDates += other.reportedDates
        if let r = other.daySpan { daySpan = Self.widen(daySpan, r) }
        languages.merge(other.languages, uniquingKeysWith: +)
        termTotal += other.termTotal
        if let r = other.publishedRange { publishedRange = Self.widen(publishedRange, r) }
        if let o = other.embeddingSum { addEmbedding(o, count: other.embeddingCount) }
    }

    /// The smallest range holding `range` (when there is one) and `r`.
    static func widen(_ range: ClosedRange<Double>?, _ r: ClosedRange<Double>) -> ClosedRange<Double> {
        range.map { min($0.lowerBound, r.lowerBound)...max($0.upperBound, r.upperBound) } ?? r
    }

    /// Adds a sum of `count` unit embeddings (a vector of another dimension is ignored).
    mutating func addEmbedding(_ v: [Float], count: Int) {
        if var sum = embeddingSum {
            guard sum.count == v.count else { return }
            for i in sum.indices { sum[i] += v[i] }
            embeddingSum = sum
        } else {
            embeddingSum = v
        }
        embeddingCount += count
    }

    /// The language most members are written in (ties: the first in alphabetical order).
    public var mainLanguage: String {
        languages.min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }?.key ?? "und"
    }

    /// Mean number of distinct terms per member.
    public var meanTerms: Double { count > 0 ? termTotal / Double(count) : 0 }

    /// The median of the text-derived event dates (their midpoints), when members have any.
    public var medianTextDate: Double? { Self.median(textDates) }

    /// The median of ``reportedDates``, when members have any.
    public var medianReportedDate: Double? { Self.median(reportedDates) }

    static func median(_ dates: [EventDate]) -> Double? {
        guard !dates.isEmpty else { return nil }
        let mids = dates.map { Double($0.first + $0.last) / 2 }.sorted()
        return mids[mids.count / 2]
    }

    /// The median of the members' yearless days, each placed in the year that puts it nearest `reference`
    /// (a day number); nil when no member names one.
    public func yearlessDate(near reference: Double) -> Double? {
        let days = yearlessDays.compactMap { $0.nearest(to: Int(reference.rounded(.down))) }.sorted()
        return days.isEmpty ? nil : Double(days[days.count / 2])
    }
}

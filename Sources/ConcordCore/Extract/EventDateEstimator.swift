import Foundation

/// Estimates the day of the event an article reports, from the dates it mentions and its publication date.
///
/// With a publication day `P`:
/// 1. The candidates are the day-precise mentions (absolute or relative) from `P - lookbackDays` to
///    `P + lookaheadDays`; anything older is background, anything later an announcement.
/// 2. Each candidate votes for its day with weight 1, or ``Configuration/relativeWeight`` for a relative
///    mention (`hôm qua`, `yesterday`, a weekday: the way news dates the event itself), plus
///    ``Configuration/leadBonus`` for the first candidate in the text (the lead). The day with most weight
///    wins; a tie goes to the day nearer publication, then to the earlier day.
/// 3. No candidate: the event date is the publication day (source ``EventDate/Source/published``).
///
/// Without a publication day: the most frequent of the most precise absolute mentions (day, else month,
/// else season, else year); a tie goes to the latest. Nothing mentioned: nil.
///
/// The source is ``EventDate/Source/mentioned`` when an absolute mention supports the chosen day, and
/// ``EventDate/Source/relative`` when only relative ones do. The evidence quotes the mention, e.g.
/// `mentioned: ngày 7/11 (day)`.
public struct EventDateEstimator: Sendable {
    /// Tunables of the estimator.
    public struct Configuration: Sendable {
        /// Offset from UTC, in seconds, of the clock in which a publication `Date` gives its day. Default 0.
        public var utcOffsetSeconds: Int = 0
        /// How many days before publication a mention can still date the event. Default 7.
        public var lookbackDays: Int = 7
        /// How many days after publication a mention can still date the event (time zones). Default 1.
        public var lookaheadDays: Int = 1
        /// Vote of a relative mention, against 1 for an absolute one. Default 1.5.
        public var relativeWeight: Double = 1.5
        /// Extra vote of the first candidate in the text. Default 0.5.
        public var leadBonus: Double = 0.5

        public init() {}
    }

    public var configuration: Configuration

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// The estimated event date, or nil when neither the mentions nor the publication date say anything.
    ///
    /// - Parameters:
    ///   - mentions: The article's date mentions in text order, as ``DateExtractor`` gives them.
    ///   - published: The publication instant; its day is taken at ``Configuration/utcOffsetSeconds``.
    public func estimate(mentions: [DateMention], published: Date?) -> EventDate? {
        let day = published.map { CalendarDays.day(of: $0, utcOffsetSeconds: configuration.utcOffsetSeconds) }
        return estimate(mentions: mentions, publishedDay: day)
    }

    /// The estimated event date against a publication day.
    ///
    /// - Parameters:
    ///   - mentions: The article's date mentions in text order.
    ///   - publishedDay: The local day of publication, if known.
    /// - Complexity: O(m) in the number of mentions.
    public func estimate(mentions: [DateMention], publishedDay: DayNumber?) -> EventDate? {
        guard let publishedDay else { return undated(mentions) }
        let window = (publishedDay - configuration.lookbackDays)...(publishedDay + configuration.lookaheadDays)
        let candidates = mentions.filter { $0.precision == .day && window.contains($0.first) }
        guard let lead = candidates.first else {
            return EventDate(first: publishedDay, last: publishedDay, source: .published, evidence: "published")
        }
        var votes: [DayNumber: Double] = [:]
        for mention in candidates {
            let weight = mention.isRelative ? configuration.relativeWeight : 1
            votes[mention.first, default: 0] += weight
        }
        votes[lead.first, default: 0] += configuration.leadBonus
        // Ties: the day nearer publication, then the earlier day (never the dictionary's order, which changes
        // from process to process).
        let best = votes.max { a, b in
            if a.value != b.value { return a.value < b.value }
            let (da, db) = (abs(a.key - publishedDay), abs(b.key - publishedDay))
            return da != db ? da > db : a.key > b.key
        }
        let day = best?.key ?? lead.first
        let support = candidates.filter { $0.first == day }
        let absolute = support.first { !$0.isRelative }
        let quoted = absolute ?? support.first ?? lead
        return EventDate(
            first: day, last: day, source: absolute == nil ? .relative : .mentioned,
            evidence: Self.evidence(absolute == nil ? "relative" : "mentioned", quoted, count: support.count))
    }

    /// The day and month of the event of an article without publication date or text-derived event date, from
    /// the days it names without a year (``DateExtractor/yearlessDays(in:language:)``): the most named, a tie
    /// going to the first (the lead). Nil when it names none.
    ///
    /// - Parameter days: The yearless days in text order.
    public func yearlessDay(_ days: [MonthDay]) -> MonthDay? {
        var counts: [MonthDay: Int] = [:]
        for day in days { counts[day, default: 0] += 1 }
        var best: MonthDay?
        for day in days where counts[day, default: 0] > best.map({ counts[$0, default: 0] }) ?? 0 { best = day }
        return best
    }

    /// The event date of an article without publication date.
    private func undated(_ mentions: [DateMention]) -> EventDate? {
        let absolute = mentions.filter { !$0.isRelative }
        for precision in DatePrecision.allCases {
            let group = absolute.filter { $0.precision == precision }
            guard !group.isEmpty else { continue }
            var counts: [ClosedRange<DayNumber>: Int] = [:]
            for mention in group { counts[mention.first...mention.last, default: 0] += 1 }
            guard
                let best = counts.max(by: { a, b in
                    a.value != b.value ? a.value < b.value : a.key.lowerBound < b.key.lowerBound
                })
            else { continue }
            let quoted = group.first { $0.first == best.key.lowerBound && $0.last == best.key.upperBound }
            guard let quoted else { continue }
            return EventDate(
                first: best.key.lowerBound, last: best.key.upperBound, source: .mentioned,
                evidence: Self.evidence("mentioned", quoted, count: best.value))
        }
        return nil
    }

    private static func evidence(_ kind: String, _ mention: DateMention, count: Int) -> String {
        let base = "\(kind): \(mention.text) (\(mention.precision.rawValue))"
        return count > 1 ? base + ", \(count) mentions" : base
    }
}

import Foundation

/// Scores whether two profiles (article–event, article–article or event–event) report the same event.
///
/// The score is the learned ``SameEventModel`` over ``PairFeatures``; it is transparent: every feature's
/// contribution to the logit is kept in the ``Assessment`` so a person can check why.
public struct SameEventScorer: Sendable {
    public struct Configuration: Sendable {
        /// The learned model. Default: the built-in one (``SameEventModel/default``).
        public var model = SameEventModel.default
        /// Two text-derived event dates closer than this (days) agree; further apart they conflict. Default 0.5:
        /// different days conflict.
        public var dateTolerance = 0.5
        /// Added to every join threshold (for experiments; default 0).
        public var thresholdShift = 0.0
        /// Join thresholds read from the stream (``StreamCalibration``), by language pair. Where one is
        /// higher than the model's, it is used instead. Set by ``EventClustering/calibrate(on:)``.
        public var streamThresholds: [String: Double] = [:]
        public init() {}
    }

    /// A scored comparison.
    public struct Assessment: Sendable, Hashable, Codable {
        public var signals: PairSignals
        /// Each feature's contribution to the logit, by name (and `bias`).
        public var contributions: [String: Double]
        /// The same-event probability (0...1).
        public var probability: Double
        /// The join threshold for this language pair.
        public var threshold: Double

        public var isMatch: Bool { probability >= threshold }
    }

    public var configuration: Configuration

    public init(configuration: Configuration = .init()) { self.configuration = configuration }

    /// Compares `a` (usually the new article) with `b` (usually an event).
    ///
    /// - Complexity: O(t + e) in the terms and entities of both sides.
    public func assess(_ a: EventProfile, _ b: EventProfile, statistics: CorpusStatistics) -> Assessment {
        let s = signals(a, b, statistics: statistics)
        let x = PairFeatures(s)
        let w = configuration.model.weights(for: s)
        let logit = w.logit(x)
        let threshold = max(
            w.threshold(for: s.languagePair, crossLingual: s.isCrossLingual),
            configuration.streamThresholds[s.languagePair] ?? 0)
        return Assessment(
            signals: s, contributions: w.contributions(x), probability: 1 / (1 + exp(-logit)),
            threshold: threshold + configuration.thresholdShift)
    }

    /// The raw signals between two profiles.
    public func signals(_ a: EventProfile, _ b: EventProfile, statistics: CorpusStatistics) -> PairSignals {
        var s = PairSignals()
        let (lexical, language) = self.lexical(a, b)
        s.lexical = lexical
        s.languagePair =
            language.map { "\($0)-\($0)" } ?? [a.mainLanguage, b.mainLanguage].sorted().joined(separator: "-")
        s.terms = min(a.meanTerms, b.meanTerms)
        entityOverlap(a, b, statistics: statistics, into: &s)
        if let ea = a.embeddingSum, let eb = b.embeddingSum, a.embeddingCount > 0, b.embeddingCount > 0 {
            // Average link: the mean cosine between the members' unit embeddings.
            s.embedding = Self.dot(ea, eb) / Double(a.embeddingCount * b.embeddingCount)
        }
        dateAgreement(a, b, into: &s)
        numberAgreement(a, b, into: &s)
        if let da = a.daySpan, let db = b.daySpan {
            s.gapDays =
                da.overlaps(db) ? 0 : min(abs(da.lowerBound - db.upperBound), abs(db.lowerBound - da.upperBound))
        }
        if let pa = a.publishedRange, let pb = b.publishedRange {
            s.publishedGapHours = max(0, pa.lowerBound - pb.upperBound, pb.lowerBound - pa.upperBound) / 3600
        }
        return s
    }

    /// Average-link lexical similarity: the mean cosine between members of `a` and members of `b`
    /// written in the same language (best language), from the sums of their unit TF-IDF vectors.
    func lexical(_ a: EventProfile, _ b: EventProfile) -> (Double?, String?) {
        var best: (Double, String)?
        for (lang, bagA) in a.terms.sorted(by: { $0.key < $1.key }) {
            guard let bagB = b.terms[lang], let na = a.languages[lang], let nb = b.languages[lang], na > 0, nb > 0
            else { continue }
            let mean = bagA.dot(bagB) / Double(na * nb)
            if mean > best?.0 ?? -.infinity { best = (mean, lang) }
        }
        return (best?.0, best?.1)
    }

    func entityOverlap(_ a: EventProfile, _ b: EventProfile, statistics: CorpusStatistics, into s: inout PairSignals) {
        guard !a.entities.isEmpty, !b.entities.isEmpty else { return }
        var dot = 0.0, na = 0.0, nb = 0.0
        // IDF of each side's distinctive entities (held by at least half its members), and of those the other
        // side never mentions.
        var distinctiveA = 0.0, missingA = 0.0, distinctiveB = 0.0, missingB = 0.0
        var shared: [(String, Double)] = []
        var only: [(String, Double)] = []
        let ca = Double(a.count), cb = Double(b.count)
        // Sorted, so the sums run in the same order in every process.
        for (key, n) in a.entities.sorted(by: { $0.key < $1.key }) {
            let idf = statistics.entityIDF(key)
            let x = idf * Double(n) / ca
            na += x * x
            let distinctive = 2 * n >= a.count
            if distinctive { distinctiveA += idf }
            if let m = b.entities[key] {
                dot += x * idf * Double(m) / cb
                shared.append((a.entityNames[key] ?? key, idf))
            } else if distinctive {
                missingA += idf
                only.append((a.entityNames[key] ?? key, idf))
            }
        }
        for (key, m) in b.entities.sorted(by: { $0.key < $1.key }) {
            let idf = statistics.entityIDF(key)
            let y = idf * Double(m) / cb
            nb += y * y
            if 2 * m >= b.count {
                distinctiveB += idf
                if a.entities[key] == nil { missingB += idf }
            }
        }
        s.entities = dot / (na.squareRoot() * nb.squareRoot())
        s.distinctiveMissing = max(
            distinctiveA > 0 ? missingA / distinctiveA : 0, distinctiveB > 0 ? missingB / distinctiveB : 0)
        s.sharedEntities = shared.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(8).map(\.0)
        s.onlyInArticle = only.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(5).map(\.0)
    }

    /// Compares the sides' text-derived event dates.
    ///
    /// A side with no date at all but a day named without a year (`ngày 30/1`) is compared with the other
    /// side's reported date (from members with a publication date, ``EventProfile/reportedDates``), in the
    /// year that puts that day nearest to it. Two yearless sides are not compared (nothing says they fall in
    /// the same year), nor a yearless side with a side dated only by undated texts, whose dates are mostly
    /// background (`le 2 juillet 2008` in a retrospective).
    func dateAgreement(_ a: EventProfile, _ b: EventProfile, into s: inout PairSignals) {
        let da: Double, db: Double
        var yearless = ""
        /// `30/1 read in that year`, for the yearless day as it was placed.
        func read(_ day: Double) -> String {
            let d = CalendarDays.date(of: Int(day.rounded(.down)))
            return ", \(MonthDay(month: d.month, day: d.day).text) read in that year"
        }
        switch (a.medianTextDate, b.medianTextDate) {
        case (let x?, let y?):
            (da, db) = (x, y)
        case (nil, _?):
            guard let y = b.medianReportedDate, let x = a.yearlessDate(near: y) else { return }
            (da, db, yearless) = (x, y, read(x))
        case (_?, nil):
            guard let x = a.medianReportedDate, let y = b.yearlessDate(near: x) else { return }
            (da, db, yearless) = (x, y, read(y))
        case (nil, nil):
            return
        }
        let gap = abs(da - db)
        if gap <= configuration.dateTolerance {
            s.dates = 1
            s.notes.append("event dates agree (\(Self.day(da)) ~ \(Self.day(db))\(yearless))")
        } else {
            s.dates = -min(3, log2(gap / configuration.dateTolerance))
            s.notes.append("event dates conflict (\(Self.day(da)) vs \(Self.day(db)), \(Int(gap)) days\(yearless))")
        }
    }

    func numberAgreement(_ a: EventProfile, _ b: EventProfile, into s: inout PairSignals) {
        if !a.scores.isEmpty, !b.scores.isEmpty {
            let shared = Set(a.scores.keys).intersection(b.scores.keys)
            if shared.isEmpty {
                s.scores = -1
                s.notes.append(
                    "scores differ (\(a.scores.keys.sorted().joined(separator: ", ")) vs \(b.scores.keys.sorted().joined(separator: ", ")))"
                )
            } else {
                s.scores = 1
                s.notes.append("same score \(shared.sorted().joined(separator: ", "))")
            }
        }
        if !a.quantities.isEmpty, !b.quantities.isEmpty {
            let shared = Set(a.quantities.keys).intersection(b.quantities.keys)
            s.quantities = Double(shared.count) / Double(min(a.quantities.count, b.quantities.count))
            if shared.isEmpty { s.notes.append("no shared numbers") }
            if !shared.isEmpty { s.notes.append("shared numbers \(shared.sorted().prefix(4).joined(separator: ", "))") }
        }
    }

    /// The dot product of two embeddings, eight lanes at a time (the candidate search computes one per event
    /// in the window for every article).
    static func dot(_ a: [Float], _ b: [Float]) -> Double {
        let n = min(a.count, b.count)
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                var lanes = SIMD8<Float>()
                var i = 0
                while i + 8 <= n {
                    lanes += SIMD8(pa[i..<(i + 8)]) * SIMD8(pb[i..<(i + 8)])
                    i += 8
                }
                var sum = lanes.sum()
                while i < n {
                    sum += pa[i] * pb[i]
                    i += 1
                }
                return Double(sum)
            }
        }
    }

    static func day(_ d: Double) -> String { CalendarDays.isoString(Int(d.rounded(.down))) }
}

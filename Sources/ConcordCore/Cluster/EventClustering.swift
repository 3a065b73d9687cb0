import Foundation

/// The clustering state: events, memberships, corpus statistics and the candidate index.
///
/// Online: ``add(_:)`` decides one article at a time (join the best candidate event or open a new one);
/// ``mergePass(among:)`` then merges events that turned out to be one. Deterministic: the same articles in the
/// same order give the same events and ids. A value type; an actor or a store owns it at the edge.
public struct EventClustering: Sendable {
    public struct Configuration: Sendable {
        public var scorer = SameEventScorer.Configuration()
        /// Candidate events must have a member within this many days of the article. Default 10.
        public var windowDays = 10.0
        /// Distinctive terms of an article used to find candidates. Default 15.
        public var lookupTerms = 15
        /// At most this many candidates (most shared keys first) are scored. Default 40.
        public var maxCandidates = 40
        /// Also score the events whose mean embedding cosine to the article is highest (brute-force vector
        /// search over the events in the time window): this many. Default 10.
        public var vectorCandidates = 10
        /// The merge pass merges two events whose probability reaches the join threshold of their language
        /// pair plus this margin, and at least ``mergeFloor``. Default 0.1.
        public var mergeMargin = 0.1
        /// Two events merge only when the model finds them more likely one event than two. Default 0.5.
        public var mergeFloor = 0.5
        /// The merge pass also merges two events whose members' embeddings have at least this mean cosine
        /// (average link) when nothing they state conflicts (dates, scores): the consolidation that repairs
        /// events split across batches and across the model's strict thresholds. Above 1: off. Default 0.9,
        /// chosen leave-one-dataset-out among {off, 0.88, 0.9} (each dev set's value is the one best on the
        /// others; 0.9 for every set).
        public var averageLinkCosine = 0.9
        /// 1: a term's weight grows with the log of its count (1 + ln tf) rather than the count. Default 0.
        public var termFrequencyLog = 0.0
        /// Added to a term's log inverse document frequency in its TF-IDF weight. Default 1.
        public var idfOffset = 1.0
        /// 1: ``calibrate(on:)`` also reads the consolidation's cut from the stream (``LinkCalibration``),
        /// and the consolidation then compares link similarities with it instead of embedding cosines with
        /// ``averageLinkCosine``. Default 0.
        public var linkCalibration = 0.0
        /// Weight of the members' mean TF-IDF cosine in the link similarity (``LinkCalibration``). Default 0.5.
        public var averageLinkLexicalWeight = 0.5
        /// The consolidation's cut read from the stream; set by ``calibrate(on:)`` when
        /// ``linkCalibration`` is on.
        public var streamLinkCut: Double?
        /// ``calibrate(on:)`` reads the stream's thresholds from at most this many of its latest articles;
        /// 0 turns stream calibration off. Default 1,000.
        public var calibrationWindow = 1000
        /// A language pair needs at least this many articles with a candidate for a stream threshold. Default 100.
        public var calibrationSamples = 100
        public init() {}
    }

    public var configuration: Configuration
    public private(set) var events: [EventID: EventProfile] = [:]
    /// Article id → its event.
    public private(set) var assignment: [String: EventID] = [:]
    /// Content hash → the first article id with that content.
    public private(set) var contentHashes: [String: String] = [:]
    public private(set) var statistics = CorpusStatistics()
    /// Interned terms.
    public private(set) var vocabulary = TermVocabulary()
    /// Articles counted in `statistics`.
    private var observed: Set<String> = []
    /// False once ``adopt(statistics:vocabulary:)`` gave the state a corpus counted elsewhere: then only
    /// ``count(_:)`` counts.
    private var countsOnObserve = true
    private(set) var index = CandidateIndex()
    /// Keys each event has posted in the index.
    private var postedKeys: [EventID: Set<String>] = [:]
    /// The best-candidate probabilities seen by ``add(_:)``.
    public private(set) var calibration = StreamCalibration()
    /// Event creation order, for deterministic iteration and merge survivors.
    public private(set) var creationOrder: [EventID: Int] = [:]
    private var nextOrdinal = 0

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    var scorer: SameEventScorer { SameEventScorer(configuration: configuration.scorer) }

    /// Decides where one article goes and updates the state.
    ///
    /// - Returns: the decision, with its explanation.
    /// - Complexity: O(c · (t + e)) for c candidates of t terms and e entities.
    public mutating func add(_ f: ArticleFeatures) -> Decision {
        if let existing = assignment[f.articleID] {
            return Decision(
                articleID: f.articleID, kind: .duplicate, eventID: existing, candidates: 0,
                threshold: nil, duplicateOf: f.articleID)
        }
        if let first = contentHashes[f.contentHash], let existing = assignment[first] {
            return Decision(
                articleID: f.articleID, kind: .duplicate, eventID: existing, candidates: 0,
                threshold: nil, duplicateOf: first)
        }
        let vector = unitVector(observe(f))
        let single = EventProfile(id: EventID(openedBy: f.articleID), article: f, terms: vector)
        let keys = lookupKeys(f, vector: vector)
        var scored: [(EventID, SameEventScorer.Assessment)] = []
        for id in candidates(for: single, keys: keys) {
            guard let event = events[id] else { continue }
            scored.append((id, scorer.assess(single, event, statistics: statistics)))
        }
        scored.sort { $0.1.probability != $1.1.probability ? $0.1.probability > $1.1.probability : $0.0 < $1.0 }
        var decision = Decision(
            articleID: f.articleID, kind: .created, eventID: single.id, bestCandidate: scored.first?.0,
            assessment: scored.first?.1, runnerUp: scored.dropFirst().first?.0,
            runnerUpProbability: scored.dropFirst().first?.1.probability, candidates: scored.count,
            threshold: scored.first?.1.threshold, duplicateOf: nil)
        if let best = scored.first?.1 { calibration.record(best) }
        if let (best, assessment) = scored.first, assessment.isMatch {
            decision.kind = .joined
            decision.eventID = best
            join(f, vector: vector, to: best, keys: keys)
        } else {
            open(single, keys: keys)
        }
        contentHashes[f.contentHash] = contentHashes[f.contentHash] ?? f.articleID
        return decision
    }

    /// Sets the stream's join thresholds (``StreamCalibration``) before clustering.
    ///
    /// Clusters the last ``Configuration/calibrationWindow`` articles of `sequence` on a copy of this state
    /// (which must have observed them, and hold no events yet) with the model's thresholds, then sets
    /// ``SameEventScorer/Configuration/streamThresholds`` from the best-candidate probabilities the copy saw.
    /// The result depends only on `sequence`, so an interrupted ingest, run again over the same articles,
    /// calibrates exactly as one clean run.
    ///
    /// - Complexity: one clustering pass over the window.
    public mutating func calibrate(on sequence: [ArticleFeatures]) {
        configuration.scorer.streamThresholds = [:]
        configuration.streamLinkCut = nil
        guard configuration.calibrationWindow > 0 else { return }
        let window = sequence.suffix(configuration.calibrationWindow)
        var probe = self
        for f in window { _ = probe.add(f) }
        configuration.scorer.streamThresholds = probe.calibration.thresholds(
            minimumSamples: configuration.calibrationSamples)
        guard configuration.linkCalibration > 0 else { return }
        let items = window.map { f in
            LinkCalibration.Item(
                embedding: f.embedding, language: f.language, terms: unitVector(vocabulary.vector(f.terms)))
        }
        configuration.streamLinkCut = LinkCalibration.cut(items, lexicalWeight: configuration.averageLinkLexicalWeight)
    }

    /// What ``calibrate(on:)`` read from the stream, as a store keeps it: the join thresholds by language
    /// pair, and the consolidation's cut under `consolidation`.
    public var streamCalibration: [String: Double] {
        get {
            var all = configuration.scorer.streamThresholds
            all[Self.consolidationKey] = configuration.streamLinkCut
            return all
        }
        set {
            configuration.streamLinkCut = configuration.linkCalibration > 0 ? newValue[Self.consolidationKey] : nil
            configuration.scorer.streamThresholds = newValue.filter { $0.key != Self.consolidationKey }
        }
    }

    static let consolidationKey = "consolidation"

    /// Puts an article back into the event it was stored in, without deciding (rebuilding state from a store).
    ///
    /// Articles must be restored in their original ingest order, after every article of the store and of
    /// the coming batch has been observed (see ``observe(_:)``), so that all vectors share one IDF.
    public mutating func restore(_ f: ArticleFeatures, into event: EventID) {
        restore(f, terms: observe(f), into: event)
    }

    /// Puts an article back into its event, given its interned term vector (``TermVocabulary/vector(_:)`` of
    /// its terms in this state's vocabulary), which a resident engine keeps instead of interning it again.
    public mutating func restore(_ f: ArticleFeatures, terms raw: SparseVector, into event: EventID) {
        let vector = unitVector(raw)
        let keys = lookupKeys(f, vector: vector)
        if events[event] == nil {
            open(EventProfile(id: event, article: f, terms: vector), keys: keys)
        } else {
            join(f, vector: vector, to: event, keys: keys)
        }
        contentHashes[f.contentHash] = contentHashes[f.contentHash] ?? f.articleID
    }

    /// Merges events that report the same event, oldest first, until no pair reaches the merge threshold.
    ///
    /// - Parameter among: check only these events (and the survivors of their merges) against their
    ///   candidates; nil checks every event. An incremental ingest passes the events it touched: pairs of
    ///   untouched events were checked by an earlier pass, so the cost follows what is new.
    /// - Returns: the merges in the order they were made.
    public mutating func mergePass(among: Set<EventID>? = nil) -> [MergeRecord] {
        var records: [MergeRecord] = []
        // Each round checks the events that changed in the one before: at first the given ones, then the
        // survivors of its merges (an event that found no partner keeps none until a neighbour grows, and
        // that neighbour, a survivor, is checked next round).
        var round = among.map { creationOrdered($0.filter { events[$0] != nil }) } ?? orderedEventIDs()
        while !round.isEmpty {
            var grown = Set<EventID>()
            for id in round {
                guard let event = events[id] else { continue }
                let keys = postedKeys[id] ?? []
                var best: (EventID, SameEventScorer.Assessment)?
                for other in candidates(for: event, keys: keys) where other != id {
                    guard let otherEvent = events[other] else { continue }
                    let a = scorer.assess(event, otherEvent, statistics: statistics)
                    let linked = a.signals.dates >= 0 && a.signals.scores >= 0 && isLinked(a.signals)
                    if linked
                        || a.probability >= max(configuration.mergeFloor, a.threshold + configuration.mergeMargin),
                        best.map({
                            a.probability > $0.1.probability || (a.probability == $0.1.probability && other < $0.0)
                        }) ?? true
                    {
                        best = (other, a)
                    }
                }
                guard let (other, assessment) = best else { continue }
                let (survivor, absorbed) =
                    (creationOrder[id] ?? 0) < (creationOrder[other] ?? 0) ? (id, other) : (other, id)
                merge(absorbed, into: survivor)
                grown.insert(survivor)
                grown.remove(absorbed)
                records.append(MergeRecord(survivor: survivor, absorbed: absorbed, assessment: assessment))
            }
            round = creationOrdered(grown.filter { events[$0] != nil })
        }
        return records
    }

    /// True when the consolidation links two events whose comparison gave `s`: their link similarity
    /// (``LinkCalibration``) reaches the stream's cut, or without one, their mean embedding cosine reaches
    /// ``Configuration/averageLinkCosine``.
    func isLinked(_ s: PairSignals) -> Bool {
        if let cut = configuration.streamLinkCut {
            let w = configuration.averageLinkLexicalWeight
            return (LinkCalibration.similarity(embedding: s.embedding, lexical: s.lexical, lexicalWeight: w) ?? -1)
                >= cut
        }
        return configuration.averageLinkCosine <= 1 && (s.embedding ?? -1) >= configuration.averageLinkCosine
    }

    /// Moves every member of `absorbed` into `survivor`.
    public mutating func merge(_ absorbed: EventID, into survivor: EventID) {
        guard absorbed != survivor, let gone = events.removeValue(forKey: absorbed), events[survivor] != nil else {
            return
        }
        events[survivor]?.absorb(gone)
        for member in gone.members { assignment[member] = survivor }
        let keys = postedKeys.removeValue(forKey: absorbed) ?? []
        index.rename(absorbed, to: survivor, keys: keys)
        postedKeys[survivor, default: []].formUnion(keys)
        creationOrder[absorbed] = nil
    }

    /// Event ids in creation order.
    public func orderedEventIDs() -> [EventID] { creationOrdered(events.keys) }

    /// `ids` in creation order.
    func creationOrdered(_ ids: some Sequence<EventID>) -> [EventID] {
        ids.sorted { (creationOrder[$0] ?? 0) < (creationOrder[$1] ?? 0) }
    }

    // MARK: - Internals

    mutating func open(_ profile: EventProfile, keys: [String]) {
        events[profile.id] = profile
        creationOrder[profile.id] = nextOrdinal
        nextOrdinal += 1
        for m in profile.members { assignment[m] = profile.id }
        index.post(keys, for: profile.id)
        postedKeys[profile.id, default: []].formUnion(keys)
    }

    /// Takes over corpus statistics and a vocabulary counted elsewhere (by a store that keeps them), before any
    /// article is observed. From then on ``observe(_:)`` only interns terms, and ``count(_:)`` counts.
    ///
    /// A resident engine keeps the statistics of every stored article this way, while the state holds only
    /// the articles of the time window it needs.
    public mutating func adopt(statistics: CorpusStatistics, vocabulary: TermVocabulary) {
        precondition(observed.isEmpty && events.isEmpty, "adopt a corpus before observing any article")
        self.statistics = statistics
        self.vocabulary = vocabulary
        countsOnObserve = false
    }

    /// Counts an article in the corpus statistics (of an adopted corpus: see ``adopt(statistics:vocabulary:)``).
    ///
    /// - Returns: the article's interned term vector.
    @discardableResult
    public mutating func count(_ f: ArticleFeatures) -> SparseVector {
        let vector = vocabulary.vector(f.terms)
        statistics.add(terms: vector, entities: f.entities)
        return vector
    }

    /// Stops counting an article of an adopted corpus (one replaced by a new version of the same id).
    ///
    /// - Returns: the article's interned term vector.
    @discardableResult
    public mutating func uncount(_ f: ArticleFeatures) -> SparseVector {
        let vector = vocabulary.vector(f.terms)
        statistics.remove(terms: vector, entities: f.entities)
        return vector
    }

    /// Counts an article in the corpus statistics (once), before or when it is added.
    ///
    /// A batch observes all its articles first, so every decision in it sees the same IDF; this keeps
    /// the result of a batch independent of where an interrupted run stopped.
    /// - Returns: the article's interned term vector.
    @discardableResult
    public mutating func observe(_ f: ArticleFeatures) -> SparseVector {
        let vector = vocabulary.vector(f.terms)
        if countsOnObserve, observed.insert(f.articleID).inserted {
            statistics.add(terms: vector, entities: f.entities)
        }
        return vector
    }

    /// The article's TF-IDF vector at unit length, with the current statistics.
    func unitVector(_ raw: SparseVector) -> SparseVector {
        let shift = configuration.idfOffset - 1
        let tf = configuration.termFrequencyLog > 0 ? raw.mapValues { 1 + log(max(1, $0)) } : raw
        return tf.weightedUnit { max(0, statistics.termIDF($0) + shift) }
    }

    /// True when the article (by id or content) is already placed.
    public func isKnown(_ f: ArticleFeatures) -> Bool {
        assignment[f.articleID] != nil || contentHashes[f.contentHash] != nil
    }

    /// Assesses two articles against each other with the current statistics (for explanations).
    public mutating func assess(_ a: ArticleFeatures, _ b: ArticleFeatures) -> SameEventScorer.Assessment {
        let pa = EventProfile(
            id: EventID(openedBy: a.articleID), article: a, terms: unitVector(vocabulary.vector(a.terms)))
        let pb = EventProfile(
            id: EventID(openedBy: b.articleID), article: b, terms: unitVector(vocabulary.vector(b.terms)))
        return scorer.assess(pa, pb, statistics: statistics)
    }

    mutating func join(_ f: ArticleFeatures, vector: SparseVector, to event: EventID, keys: [String]) {
        events[event]?.add(f, terms: vector)
        assignment[f.articleID] = event
        index.post(keys, for: event)
        postedKeys[event, default: []].formUnion(keys)
    }

    /// The article's most distinctive terms and all its entities, as index keys.
    func lookupKeys(_ f: ArticleFeatures, vector: SparseVector) -> [String] {
        let ranked = zip(vector.ids, vector.values).map { ($0, Double($1)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var keys = ranked.prefix(configuration.lookupTerms).map { "t:\($0.0)" }
        keys += f.entities.map { "e:" + $0.key }
        return keys
    }

    /// Candidate events for a profile: those sharing index keys, and the nearest by embedding, within the
    /// time window.
    ///
    /// - Complexity: O(h log h) for h index hits, plus O(E · d) for the vector search over E events of
    ///   dimension d when the profile has an embedding (brute force; fine up to ~1e5 events).
    func candidates(for profile: EventProfile, keys: some Sequence<String>) -> [EventID] {
        let hits = index.lookup(keys)
        let span = profile.daySpan
        let w = configuration.windowDays
        func inWindow(_ other: EventProfile) -> Bool {
            guard let span, let o = other.daySpan else { return true }
            return o.lowerBound - w <= span.upperBound && span.lowerBound <= o.upperBound + w
        }
        var result = hits.filter { id, _ in events[id].map(inWindow) ?? false }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(configuration.maxCandidates)
            .map(\.key)
        if configuration.vectorCandidates > 0, let query = profile.embeddingSum, profile.embeddingCount > 0 {
            var nearest: [(EventID, Double)] = []
            for (id, event) in events where id != profile.id {
                guard let sum = event.embeddingSum, event.embeddingCount > 0, inWindow(event) else { continue }
                let mean = SameEventScorer.dot(query, sum) / Double(profile.embeddingCount * event.embeddingCount)
                nearest.append((id, mean))
            }
            nearest.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            let chosen = Set(result)
            for (id, _) in nearest.prefix(configuration.vectorCandidates) where !chosen.contains(id) {
                result.append(id)
            }
        }
        return result
    }

    /// Checks the state's invariants; traps on violation. For debug builds and tests.
    public func checkInvariants() {
        var seen = Set<String>()
        for (id, event) in events {
            precondition(event.id == id, "event keyed under another id")
            precondition(!event.members.isEmpty, "empty event \(id)")
            for m in event.members {
                precondition(seen.insert(m).inserted, "article \(m) in two events")
                precondition(assignment[m] == id, "assignment of \(m) disagrees with its event")
            }
        }
        precondition(seen.count == assignment.count, "assigned articles missing from events")
        precondition(index.allEvents.isSubset(of: Set(events.keys)), "index points to a removed event")
        guard countsOnObserve else { return }
        precondition(statistics.documents == observed.count, "statistics count differs from observed articles")
        precondition(assignment.keys.allSatisfy(observed.contains), "a placed article was never observed")
    }
}

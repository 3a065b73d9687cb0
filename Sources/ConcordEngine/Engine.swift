import ConcordCore
import ConcordStore
import Foundation

/// The pipeline end to end over a store: records in; features, embeddings, decisions, merges and event
/// summaries out, one batch at a time.
///
/// The engine is resident: it reads the stored corpus (statistics, vocabulary, stream thresholds) once, and
/// keeps in memory only the articles of the events near the time of what it ingests, plus the undated
/// events. Each batch (``ingest(_:features:update:)``) is clustered against the stored events within
/// ``Configuration/reachDays`` of its articles, and committed in one transaction with everything it
/// changed. What a batch decides depends only on the store and the batch, never on what the engine happens
/// to hold: an engine started on a store, and one that wrote that store itself, decide the next batch alike.
/// So an ingest killed after any batch and run again ends in the state of one clean run.
///
/// Not thread-safe: one engine per store, used from one task at a time (the server wraps it in an actor).
///
/// ```swift
/// let engine = try Engine(store: store, extractor: extractor, embedder: embedder)
/// for batch in batches { let result = try engine.ingest(batch) }
/// ```
public final class Engine {
    public struct Configuration: Sendable {
        /// Records per batch: clustered together and committed in one transaction. Default 256.
        public var batchSize = 256
        public var clustering = EventClustering.Configuration()
        /// A record whose id is stored with other content replaces the stored article (its decision is
        /// retracted and its event summarized anew). Off: such a record is reported as changed and kept out.
        public var update = false
        public init() {}

        /// How far, in days, from a batch's articles the engine looks for stored events: the candidate window
        /// (every event an article of the batch can join is within it).
        public var reachDays: Double { clustering.windowDays }
    }

    /// What became of one record.
    public enum Outcome: Sendable, Equatable {
        /// Stored, in this event; `joined` when it joined an existing one.
        case ingested(EventID, joined: Bool)
        /// Replaced the stored article of the same id, and now sits in this event.
        case updated(EventID)
        /// Already stored (the same id with the same content, or the same content under this other id).
        case duplicate(of: String)
        /// Its id is stored with other content; kept out (``Configuration/update`` replaces it).
        case changed
    }

    /// What one batch did.
    public struct BatchResult: Sendable {
        /// One outcome per record, in input order.
        public var outcomes: [Outcome] = []
        public var summary = IngestSummary()
        /// The decisions, in clustering order.
        public var decisions: [Decision] = []
        public var merges: [MergeRecord] = []
    }

    public let store: any EventStore
    public let extractor: FeatureExtractor
    public let embedder: (any TextEmbedder)?
    public let configuration: Configuration

    /// The stored corpus's statistics and vocabulary, kept current with every commit.
    private var statistics: CorpusStatistics
    private var vocabulary: TermVocabulary
    /// The rest of the stored corpus (thresholds, counts); its term tables live in the two above.
    private var corpus: StoredCorpus
    /// Cached stored articles, by id, and the cached events' members and day spans (nil: undated).
    private var cached: [String: StoredMember] = [:]
    /// The cached articles' interned term vectors (ids in the stored vocabulary, which never renumbers).
    private var termVectors: [String: SparseVector] = [:]
    private var eventMembers: [EventID: [String]] = [:]
    private var eventSpans: [EventID: ClosedRange<Double>?] = [:]
    /// Every stored event whose span overlaps this range is cached.
    private var loaded: ClosedRange<Double>?
    private var undatedLoaded = false

    /// Opens an engine on a store: reads the stored corpus (not the articles).
    ///
    /// A store written before the corpus was kept is counted once, here (reading every article).
    public init(
        store: any EventStore, extractor: FeatureExtractor, embedder: (any TextEmbedder)? = nil,
        configuration: Configuration = .init()
    ) throws {
        self.store = store
        self.extractor = extractor
        self.embedder = embedder
        self.configuration = configuration
        var stored = try store.corpus()
        if stored.documents == 0, try store.counts().articles > 0 {
            try Self.backfill(store)
            stored = try store.corpus()
        }
        vocabulary = TermVocabulary(terms: stored.terms)
        statistics = CorpusStatistics(
            documents: stored.documents, termFrequency: stored.termFrequency, entityFrequency: stored.entityFrequency)
        stored.terms = []
        stored.termFrequency = []
        stored.entityFrequency = [:]
        corpus = stored
    }

    /// Articles the stored corpus counts.
    public var storedArticles: Int { statistics.documents }

    /// Articles held in memory (the time window's and the undated events' members).
    public var cachedArticles: Int { cached.count }

    /// Checks that articles come with embeddings when the store's have them, and without when they have none.
    ///
    /// - Parameter embedding: whether the articles will have embeddings; nil: whether this engine has an
    ///   embedder.
    /// - Throws: ``IngestError``.
    public func checkEmbeddingMode(embedding: Bool? = nil) throws {
        guard let embedded = corpus.embedded else { return }
        let embeds = embedding ?? (embedder != nil)
        if embedded, !embeds { throw IngestError.storeHasEmbeddings }
        if !embedded, embeds { throw IngestError.storeHasNoEmbeddings }
    }

    /// Ingests one batch and commits it.
    ///
    /// - Parameters:
    ///   - records: the batch, in input order.
    ///   - given: the records' features when already extracted (with or without embeddings), in the same order.
    ///   - update: whether a stored id with other content is replaced; nil follows ``Configuration/update``.
    /// - Throws: ``IngestError`` before anything is done when the store's articles have embeddings and this
    ///   engine has no embedder, or the reverse; `StoreError` when the store fails (nothing of the batch is
    ///   then stored).
    public func ingest(_ records: [InputRecord], features given: [ArticleFeatures]? = nil, update: Bool? = nil) throws
        -> BatchResult
    {
        let update = update ?? configuration.update
        var result = BatchResult()
        result.summary.read = records.count
        var outcomes = [Outcome?](repeating: nil, count: records.count)

        // 1. Which records are new: first of their id in the batch, not stored, content not stored.
        var firstOfID: [String: Int] = [:]
        var candidates: [Int] = []
        for (i, r) in records.enumerated() {
            if firstOfID[r.article.id] != nil {
                outcomes[i] = .duplicate(of: r.article.id)
            } else {
                firstOfID[r.article.id] = i
                candidates.append(i)
            }
        }
        var features = given ?? extractor.features(of: records.map(\.article))
        let known = try store.existing(
            ids: candidates.map { records[$0].article.id }, contentHashes: candidates.map { features[$0].contentHash })
        var fresh: [Int] = []
        var replacing: [Int: String] = [:]
        for i in candidates {
            let id = records[i].article.id, hash = features[i].contentHash
            if let storedHash = known.ids[id], storedHash == hash {
                outcomes[i] = .duplicate(of: id)
            } else if let other = known.contentHashes[hash] {
                outcomes[i] = .duplicate(of: other)
            } else if known.ids[id] != nil {
                if update {
                    replacing[i] = id
                    fresh.append(i)
                } else {
                    outcomes[i] = .changed
                }
            } else {
                fresh.append(i)
            }
        }
        var order: [Int] = []
        var firstOfHash: [String: String] = [:]
        for k in EventClustering.batchOrder(fresh.map { features[$0] }) {
            let i = fresh[k]
            if let first = firstOfHash[features[i].contentHash] {
                outcomes[i] = .duplicate(of: first)
                replacing[i] = nil
            } else {
                firstOfHash[features[i].contentHash] = records[i].article.id
                order.append(i)
            }
        }
        // Embeddings come from the embedder, or with the features given (benchmarks compute them once).
        let embeds = embedder != nil || order.contains { !(features[$0].embedding ?? []).isEmpty }
        if !order.isEmpty { try checkEmbeddingMode(embedding: embeds) }
        // Only what will be stored is embedded.
        if let embedder {
            let missing = order.filter { (features[$0].embedding ?? []).isEmpty }
            embedder.attach(to: &features, articles: records.map(\.article), indices: missing)
        }

        // Nothing new: nothing to load, decide or commit (a batch of an input ingested again).
        if order.isEmpty {
            result.outcomes = outcomes.map { $0 ?? .changed }
            Self.tally(result.outcomes, into: &result.summary)
            return result
        }

        // 2. The stored events this batch can meet: near its articles in time, the undated ones, and those of
        //    the articles it replaces.
        let w = configuration.clustering.windowDays
        let days = order.compactMap { features[$0].anchorDay }
        let span = Self.hull(days) ?? corpus.latestDay.map { ($0 - w)...$0 }
        let reach = span.map { ($0.lowerBound - configuration.reachDays)...($0.upperBound + configuration.reachDays) }
        try ensureLoaded(reach)
        var retracted: [StoredMember] = []
        for id in replacing.values.sorted() {
            if cached[id] == nil, let event = try store.article(id)?.eventID { try load([event]) }
            if let m = cached[id] { retracted.append(m) }
        }
        var reachable = Set(
            eventSpans.compactMap { id, s -> EventID? in
                guard let s else { return id }
                guard let reach else { return nil }
                return s.lowerBound <= reach.upperBound && reach.lowerBound <= s.upperBound ? id : nil
            })
        reachable.formUnion(retracted.map(\.event))

        // 3. The clustering state: the stored corpus, then the batch counted, thresholds, the reachable events.
        var state = EventClustering(configuration: configuration.clustering)
        state.adopt(statistics: statistics, vocabulary: vocabulary)
        let termsBefore = vocabulary.terms.count
        var delta = CorpusDelta()
        for m in retracted {
            let v = state.uncount(m.features)
            for id in v.ids { delta.termCounts[id, default: 0] -= 1 }
            for e in m.features.entities { delta.entityCounts[e.key, default: 0] -= 1 }
        }
        for i in order {
            let v = state.count(features[i])
            for id in v.ids { delta.termCounts[id, default: 0] += 1 }
            for e in features[i].entities { delta.entityCounts[e.key, default: 0] += 1 }
        }
        delta.documents = order.count - retracted.count
        let goneIDs = Set(retracted.map(\.features.articleID))
        let storedCount = statistics.documents - retracted.count
        let window = configuration.clustering.calibrationWindow
        let due =
            window > 0 && corpus.calibratedAt.map { storedCount < window || storedCount / window > $0 / window } ?? true
        if due, !order.isEmpty {
            let recent = try store.recentArticles(limit: window).filter { !goneIDs.contains($0.articleID) }
            state.calibrate(on: recent + order.map { features[$0] })
            delta.thresholds = state.streamCalibration
            delta.calibratedAt = storedCount
        } else {
            state.streamCalibration = corpus.thresholds
        }
        let restored = reachable.flatMap { eventMembers[$0] ?? [] }.compactMap { cached[$0] }
            .filter { !goneIDs.contains($0.features.articleID) }.sorted { $0.seq < $1.seq }
        for m in restored {
            if let raw = termVectors[m.features.articleID] {
                state.restore(m.features, terms: raw, into: m.event)
            } else {
                state.restore(m.features, into: m.event)
            }
        }

        // 4. Decide, then merge.
        var touched = Set(retracted.map(\.event).filter { state.events[$0] != nil })
        var placed: [(index: Int, decision: Decision)] = []
        for i in order {
            let decision = state.add(features[i])
            touched.insert(decision.eventID)
            placed.append((i, decision))
        }
        let merges = state.mergePass(among: touched)
        for m in merges { touched.insert(m.survivor) }
        touched = touched.filter { state.events[$0] != nil }

        // 5. Commit everything in one transaction.
        var batch = IngestBatch()
        batch.retracted = retracted.map(\.features.articleID)
        batch.removedEvents = Set(retracted.map(\.event)).filter { state.events[$0] == nil }
            .subtracting(merges.map(\.absorbed)).sorted()
        batch.decisions = placed.map { i, d in
            StoredDecision(article: records[i].article, features: features[i], decision: d, origin: records[i].origin)
        }
        batch.merges = merges
        for m in restored where state.assignment[m.features.articleID] != m.event {
            batch.memberships[m.features.articleID] = state.assignment[m.features.articleID]
        }
        for (i, d) in placed where state.assignment[records[i].article.id] != d.eventID {
            batch.memberships[records[i].article.id] = state.assignment[records[i].article.id]
        }
        var byID: [String: ArticleFeatures] = [:]
        for m in restored { byID[m.features.articleID] = m.features }
        for (i, _) in placed { byID[records[i].article.id] = features[i] }
        batch.events = touched.sorted().compactMap { id in
            state.events[id].map { EventSummary(id: id, members: $0.members.compactMap { byID[$0] }) }
        }
        delta.newTerms = Array(state.vocabulary.terms[termsBefore...])
        delta.latestDay = days.max()
        if corpus.embedded == nil, !order.isEmpty { delta.embedded = embeds }
        batch.corpus = delta
        let seqs = try store.commit(batch)

        // 6. Keep the resident state as the store now is.
        statistics = state.statistics
        vocabulary = state.vocabulary
        var mirror = delta
        mirror.newTerms = []
        mirror.termCounts = [:]
        mirror.entityCounts = [:]
        corpus.apply(mirror)
        for m in retracted {
            cached[m.features.articleID] = nil
            termVectors[m.features.articleID] = nil
        }
        for ((i, _), seq) in zip(placed, seqs) {
            let id = records[i].article.id
            cached[id] = StoredMember(seq: seq, features: features[i], event: state.assignment[id] ?? EventID(id))
            termVectors[id] = vocabulary.vector(features[i].terms)
        }
        for (id, event) in batch.memberships { cached[id]?.event = event }
        let changedEvents = Set(touched).union(merges.map(\.absorbed)).union(retracted.map(\.event))
        for id in changedEvents {
            eventMembers[id] = nil
            eventSpans[id] = nil
        }
        for summary in batch.events {
            eventMembers[summary.id] = state.events[summary.id]?.members ?? []
            eventSpans[summary.id] = .some(Self.span(summary))
        }

        for (i, d) in placed {
            let event = state.assignment[records[i].article.id] ?? d.eventID
            outcomes[i] = replacing[i] != nil ? .updated(event) : .ingested(event, joined: d.kind == .joined)
        }
        result.outcomes = outcomes.map { $0 ?? .changed }
        Self.tally(result.outcomes, into: &result.summary)
        result.summary.merges = merges.count
        result.decisions = placed.map(\.decision)
        result.merges = merges
        return result
    }

    /// Counts the outcomes of a batch.
    static func tally(_ outcomes: [Outcome], into summary: inout IngestSummary) {
        for outcome in outcomes {
            switch outcome {
            case .ingested(_, let joined):
                summary.ingested += 1
                if joined { summary.joined += 1 } else { summary.created += 1 }
            case .updated:
                summary.ingested += 1
                summary.updated += 1
            case .duplicate: summary.duplicates += 1
            case .changed: summary.changed += 1
            }
        }
    }

    /// The smallest range holding every day; nil for none.
    static func hull(_ days: [Double]) -> ClosedRange<Double>? {
        guard let first = days.min(), let last = days.max() else { return nil }
        return first...last
    }

    static func span(_ e: EventSummary) -> ClosedRange<Double>? {
        guard let first = e.firstDay, let last = e.lastDay else { return nil }
        return first...last
    }

    /// Caches every stored event that overlaps `reach` (and, once, every undated event); forgets the events
    /// far from it.
    func ensureLoaded(_ reach: ClosedRange<Double>?) throws {
        if !undatedLoaded {
            try load(try store.eventIDs(overlapping: nil))
            undatedLoaded = true
        }
        guard let reach else { return }
        let margin = configuration.reachDays
        let keep = (reach.lowerBound - margin)...(reach.upperBound + margin)
        for (id, s) in eventSpans {
            guard let s, s.upperBound < keep.lowerBound || s.lowerBound > keep.upperBound else { continue }
            for m in eventMembers[id] ?? [] {
                cached[m] = nil
                termVectors[m] = nil
            }
            eventMembers[id] = nil
            eventSpans[id] = nil
        }
        loaded = loaded.flatMap { l in
            l.overlaps(keep) ? max(l.lowerBound, keep.lowerBound)...min(l.upperBound, keep.upperBound) : nil
        }
        if let l = loaded, l.lowerBound <= reach.lowerBound, reach.upperBound <= l.upperBound { return }
        try load(try store.eventIDs(overlapping: reach).filter { eventMembers[$0] == nil })
        loaded =
            loaded.map {
                $0.overlaps(reach) ? min($0.lowerBound, reach.lowerBound)...max($0.upperBound, reach.upperBound) : reach
            } ?? reach
    }

    /// Caches the members of these stored events.
    func load(_ events: [EventID]) throws {
        guard !events.isEmpty else { return }
        for m in try store.members(of: events) {
            cached[m.features.articleID] = m
            termVectors[m.features.articleID] = vocabulary.vector(m.features.terms)
            eventMembers[m.event, default: []].append(m.features.articleID)
        }
        for id in events {
            eventSpans[id] = .some(Self.hull((eventMembers[id] ?? []).compactMap { cached[$0]?.features.anchorDay }))
        }
    }

    /// Counts the corpus of a store written before the corpus was kept, and dates its events.
    static func backfill(_ store: any EventStore) throws {
        let all = try store.loadMemberships()
        var vocabulary = TermVocabulary()
        var statistics = CorpusStatistics()
        var delta = CorpusDelta()
        var members: [EventID: [ArticleFeatures]] = [:]
        for (f, event) in all {
            let v = vocabulary.vector(f.terms)
            statistics.add(terms: v, entities: f.entities)
            for e in f.entities { delta.entityCounts[e.key, default: 0] += 1 }
            members[event, default: []].append(f)
            if let day = f.anchorDay { delta.latestDay = max(delta.latestDay ?? day, day) }
        }
        delta.newTerms = vocabulary.terms
        for id in vocabulary.terms.indices {
            delta.termCounts[Int32(id)] = statistics.frequency(ofTerm: Int32(id))
        }
        delta.documents = all.count
        delta.embedded = all.contains { !($0.features.embedding ?? []).isEmpty }
        var batch = IngestBatch()
        batch.events = members.keys.sorted().map { EventSummary(id: $0, members: members[$0] ?? []) }
        batch.corpus = delta
        try store.commit(batch)
    }
}

/// What an ingest did.
public struct IngestSummary: Sendable, Codable, Equatable {
    /// Records read, good and rejected.
    public var read = 0
    /// Stored, new or as an update.
    public var ingested = 0
    public var duplicates = 0
    public var rejected = 0
    /// Stored ids that came with other content and were kept out (no `--update`).
    public var changed = 0
    /// Stored articles replaced by a new version (`--update`).
    public var updated = 0
    public var joined = 0
    public var created = 0
    public var merges = 0
    /// Events in the store after the ingest.
    public var events = 0
    public init() {}

    /// Adds the counts of another batch (not `events`, a count of the store).
    public mutating func add(_ other: IngestSummary) {
        read += other.read
        ingested += other.ingested
        duplicates += other.duplicates
        rejected += other.rejected
        changed += other.changed
        updated += other.updated
        joined += other.joined
        created += other.created
        merges += other.merges
    }
}

extension Engine {
    /// Assesses two articles as the next batch of the store would: with the stored corpus statistics and
    /// stream thresholds (`concord explain`).
    public static func assess(
        _ a: ArticleFeatures, _ b: ArticleFeatures, in store: any EventStore,
        configuration: EventClustering.Configuration
    ) throws -> SameEventScorer.Assessment {
        var state = try assessor(store, configuration: configuration)
        return state.assess(a, b)
    }

    /// A clustering state with the store's corpus statistics and stream thresholds and no event, for assessing
    /// pairs as the next batch would.
    public static func assessor(_ store: any EventStore, configuration: EventClustering.Configuration) throws
        -> EventClustering
    {
        let corpus = try store.corpus()
        var state = EventClustering(configuration: configuration)
        state.streamCalibration = corpus.thresholds
        state.adopt(
            statistics: CorpusStatistics(
                documents: corpus.documents, termFrequency: corpus.termFrequency,
                entityFrequency: corpus.entityFrequency),
            vocabulary: TermVocabulary(terms: corpus.terms))
        return state
    }
}

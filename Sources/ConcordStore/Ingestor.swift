import ConcordCore
import Foundation

/// Ingests articles into a store: skip what is stored, extract features, cluster, commit, merge.
///
/// Idempotent and crash-safe: an article already stored (same id or same normalized content) is
/// skipped; the clustering state is rebuilt from the store; articles are committed in batches, each
/// in one transaction, in a deterministic order. Re-running an ingest that was killed midway ends in
/// the state of one clean ingest.
public struct Ingestor: Sendable {
    public struct Configuration: Sendable {
        /// Articles per transaction. Default 64.
        public var batchSize = 64
        public var clustering = EventClustering.Configuration()
        public init() {}
    }

    public var store: any EventStore
    public var extractor: FeatureExtractor
    public var embedder: (any TextEmbedder)?
    public var configuration: Configuration

    public init(
        store: any EventStore, extractor: FeatureExtractor, embedder: (any TextEmbedder)? = nil,
        configuration: Configuration = .init()
    ) {
        self.store = store
        self.extractor = extractor
        self.embedder = embedder
        self.configuration = configuration
    }

    /// Ingests records.
    ///
    /// - Parameter progress: called with (articles clustered, articles to cluster) after each batch.
    /// - Returns: counts of what happened.
    /// - Throws: ``StoreError`` when the store fails; what was committed before stays. ``IngestError`` before
    ///   anything is done when the store's articles have embeddings and this ingest has no embedder, or the
    ///   reverse: the two kinds of article are never mixed silently.
    public func ingest(_ records: [InputRecord], progress: (Int, Int) -> Void = { _, _ in }) throws -> IngestSummary {
        var summary = IngestSummary()
        summary.read = records.count
        let known = try store.knownKeys()
        var seenIDs = known.ids
        var fresh: [InputRecord] = []
        for r in records {
            if seenIDs.insert(r.article.id).inserted { fresh.append(r) } else { summary.duplicates += 1 }
        }
        let stored = try store.loadMemberships()
        // Checked before any feature is extracted: a refused ingest costs only the store read.
        if !fresh.isEmpty, !stored.isEmpty {
            let storedHasEmbeddings = stored.contains { !($0.features.embedding ?? []).isEmpty }
            if storedHasEmbeddings, embedder == nil { throw IngestError.storeHasEmbeddings }
            if !storedHasEmbeddings, embedder != nil { throw IngestError.storeHasNoEmbeddings }
        }
        let articles = fresh.map(\.article)
        var features = extractor.features(of: articles)
        var state = EventClustering(configuration: configuration.clustering)
        var members: [String: ArticleFeatures] = [:]
        let mergedThrough = try store.mergedThrough()
        var seenHashes = known.contentHashes
        var order: [Int] = []
        for i in EventClustering.batchOrder(features) {
            if seenHashes.insert(features[i].contentHash).inserted { order.append(i) } else { summary.duplicates += 1 }
        }
        // Only what will be stored is embedded (not content duplicates).
        embedder?.attach(to: &features, articles: articles, indices: order)
        // Every stored and new article is counted before any is placed, so that all share one IDF and an
        // interrupted ingest, run again, decides exactly as one clean run would; the thresholds come from the
        // same sequence (stored articles in ingest order, then the new ones) whether or not it was interrupted.
        state.rebuild(stored: stored, upcoming: order.map { features[$0] })
        for (f, _) in stored { members[f.articleID] = f }
        var done = 0
        // Events not yet checked for merges: those of stored articles after the last completed merge pass
        // (an interrupted run's), and every event this run touches.
        var unmerged = Set(stored.dropFirst(mergedThrough).map(\.event))
        for start in stride(from: 0, to: order.count, by: max(1, configuration.batchSize)) {
            let chunk = order[start..<min(order.count, start + configuration.batchSize)]
            var batch: [StoredDecision] = []
            var touched = Set<EventID>()
            for i in chunk {
                let decision = state.add(features[i])
                members[features[i].articleID] = features[i]
                touched.insert(decision.eventID)
                unmerged.insert(decision.eventID)
                if decision.kind == .joined { summary.joined += 1 } else { summary.created += 1 }
                batch.append(
                    StoredDecision(
                        article: fresh[i].article, features: features[i], decision: decision,
                        origin: fresh[i].origin))
            }
            try store.commit(batch, events: Self.summaries(touched, state: state, members: members))
            done += chunk.count
            summary.ingested += chunk.count
            progress(done, order.count)
        }
        let merges = state.mergePass(among: unmerged)
        var moved: [String: EventID] = [:]
        var survivors = Set<EventID>()
        for m in merges { survivors.insert(m.survivor) }
        survivors = survivors.filter { state.events[$0] != nil }
        for id in survivors { for a in state.events[id]?.members ?? [] { moved[a] = id } }
        // Committed even without merges: it records that the merge pass covered every stored article.
        try store.commitMerges(
            merges, memberships: moved, events: Self.summaries(survivors, state: state, members: members),
            mergedThrough: stored.count + order.count)
        summary.merges = merges.count
        summary.events = state.events.count
        return summary
    }

    static func summaries(_ ids: Set<EventID>, state: EventClustering, members: [String: ArticleFeatures])
        -> [EventSummary]
    {
        ids.sorted().compactMap { id in
            guard let event = state.events[id] else { return nil }
            return EventSummary(id: id, members: event.members.compactMap { members[$0] })
        }
    }
}

/// What an ingest did.
public struct IngestSummary: Sendable, Codable, Equatable {
    /// Records read, good and rejected.
    public var read = 0
    public var ingested = 0
    public var duplicates = 0
    public var rejected = 0
    public var joined = 0
    public var created = 0
    public var merges = 0
    public var events = 0
    public init() {}
}

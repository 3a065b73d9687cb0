import ConcordCore
import ConcordStore
import Foundation

/// One clustering run in memory (`concord cluster`, `concord eval`): the records go through the engine, as
/// `ingest` sends them, into a store in memory, in batches of the ingest's size. They arrive in time order
/// (publication, else the event date in the text), as a news stream does.
public struct InMemoryRun {
    /// The records' features (without embeddings), in input order.
    public var features: [ArticleFeatures]
    /// The decisions, in clustering order.
    public var decisions: [Decision] = []
    public var merges: [MergeRecord] = []
    public var duplicates = 0
    /// Article id → event id, for every input article (duplicates map to their original's event).
    public var assignment: [String: String] = [:]
    public let store = MemoryEventStore()

    public init(
        records: [InputRecord], extractor: FeatureExtractor, embedder: (any TextEmbedder)?,
        configuration: Engine.Configuration = .init()
    ) throws {
        let batchSize = configuration.batchSize
        features = extractor.features(of: records.map(\.article))
        let engine = try Engine(store: store, extractor: extractor, embedder: embedder, configuration: configuration)
        let order = EventClustering.batchOrder(features)
        var outcomes: [(String, Engine.Outcome)] = []
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let chunk = Array(order[start..<min(order.count, start + batchSize)])
            let result = try engine.ingest(chunk.map { records[$0] }, features: chunk.map { features[$0] })
            decisions += result.decisions
            merges += result.merges
            outcomes += zip(chunk.map { records[$0].article.id }, result.outcomes).map { ($0, $1) }
        }
        var final: [String: String] = [:]
        for (f, event) in try store.loadMemberships() { final[f.articleID] = event.rawValue }
        for (id, outcome) in outcomes {
            switch outcome {
            case .duplicate(let original):
                duplicates += 1
                assignment[id] = final[original] ?? final[id]
            default: assignment[id] = final[id]
            }
        }
    }

    /// The events with their members' ids, oldest first.
    public func eventSummaries() throws -> [(EventSummary, [String])] {
        var members: [EventID: [String]] = [:]
        var order: [EventID] = []
        for (f, event) in try store.loadMemberships() {
            if members[event] == nil { order.append(event) }
            members[event, default: []].append(f.articleID)
        }
        return try order.compactMap { id in try store.event(id).map { ($0.summary, members[id] ?? []) } }
    }
}

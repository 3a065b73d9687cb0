import ConcordCore
import ConcordEngine
import ConcordStore
import Dispatch
import Foundation
import Synchronization

/// The one writer of a store inside `concord serve`: a resident ``Engine`` on a thread of its own.
///
/// Requests queue for it in arrival order. The engine's work (extracting, embedding, clustering, committing)
/// runs on its own serial queue, not on the server's threads, so reads keep being answered while a batch is
/// embedded. A request that would make the queue longer than ``maxQueued`` is refused at once
/// (``QueueFull``), so a client learns to slow down instead of waiting without end.
public final class IngestService: Sendable {
    /// One request's records, decoded.
    public struct Submission: Sendable {
        public var records: [InputRecord]
        public var rejected: [RecordError]
        /// Replace a stored article whose id comes again with other content.
        public var update: Bool

        public init(records: [InputRecord], rejected: [RecordError], update: Bool = false) {
            self.records = records
            self.rejected = rejected
            self.update = update
        }
    }

    /// What one request did: one result per record (rejects at their place in the body), and the totals.
    public struct Reply: Sendable, Codable, Equatable {
        public var results: [RecordResult]
        public var totals: IngestSummary
    }

    /// What became of one record.
    public struct RecordResult: Sendable, Codable, Equatable {
        /// Its line in an NDJSON body, or its position (from 1) in a JSON array.
        public var line: Int
        public var id: String?
        /// `ingested`, `duplicate`, `updated`, `changed` or `rejected`.
        public var status: String
        public var event: String?
        /// For `ingested`: whether it joined an event that existed before.
        public var joined: Bool?
        /// For `duplicate`: the stored article it repeats.
        public var duplicateOf: String?
        /// For `rejected` and `changed`: why.
        public var reason: String?
        /// What was read but not understood, the record kept (an unreadable date or language); absent when
        /// nothing was.
        public var warnings: [String]?
    }

    /// The queue is full.
    public struct QueueFull: Error, Sendable {
        public var limit: Int
    }

    /// Requests waiting or running at most.
    public let maxQueued: Int
    /// Records per engine batch (one transaction each).
    public let batchSize: Int
    /// Articles ingested since the server started.
    public var ingestedSinceStart: Int { state.withLock { $0.ingested } }
    /// Requests waiting or running.
    public var depth: Int { state.withLock { $0.depth } }

    /// A pause after each committed batch (crash tests watch the store fill); zero in use.
    let pause: Duration
    /// After this many committed batches, the engine's queue stops still for good (crash tests kill it there).
    let hangAfterBatches: Int?
    let committedBatches = Mutex(0)
    let engine: EngineBox
    let queue = DispatchQueue(label: "concord.ingest")
    let state = Mutex(State())
    let hub: StreamHub?
    let cache: ResponseCache?

    struct State {
        var depth = 0
        var ingested = 0
    }

    /// The engine is only touched on `queue`, one request at a time.
    final class EngineBox: @unchecked Sendable {
        let engine: Engine
        init(_ engine: Engine) { self.engine = engine }
    }

    /// - Parameters:
    ///   - engine: the store's resident engine; from now on used only by this service.
    ///   - hub: where to announce created and joined events and merges, for `GET /v1/stream`.
    ///   - cache: the server's rendered reads, made stale by every change to the store.
    ///   - pause: a sleep after each committed batch, for crash tests.
    public init(
        engine: Engine, hub: StreamHub? = nil, cache: ResponseCache? = nil, maxQueued: Int = 8,
        pause: Duration = .zero, hangAfterBatches: Int? = nil
    ) {
        self.hangAfterBatches = hangAfterBatches
        self.engine = EngineBox(engine)
        self.cache = cache
        self.pause = pause
        self.hub = hub
        self.maxQueued = max(1, maxQueued)
        batchSize = max(1, engine.configuration.batchSize)
    }

    /// Ingests one request's records in batches, each committed before the next.
    ///
    /// - Throws: ``QueueFull`` at once when ``maxQueued`` requests are waiting or running; a store error
    ///   when a batch fails (the batches before it are stored).
    public func ingest(_ submission: Submission) async throws -> Reply {
        try state.withLock { s in
            guard s.depth < maxQueued else { throw QueueFull(limit: maxQueued) }
            s.depth += 1
        }
        defer { state.withLock { $0.depth -= 1 } }
        let box = engine
        let size = batchSize
        let hub = hub
        let cache = cache
        let pause = pause
        let hang: @Sendable () -> Void = { [self] in
            let n = committedBatches.withLock { n -> Int in
                n += 1
                return n
            }
            if n == hangAfterBatches { while true { sleep(60) } }
        }
        let reply: Reply = try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(
                    with: Result {
                        try Self.run(
                            submission, on: box.engine, batchSize: size, hub: hub, cache: cache, pause: pause,
                            committed: hang)
                    })
            }
        }
        state.withLock { $0.ingested += reply.totals.ingested + reply.totals.updated }
        return reply
    }

    static func run(
        _ submission: Submission, on engine: Engine, batchSize: Int, hub: StreamHub?, cache: ResponseCache?,
        pause: Duration, committed: () -> Void = {}
    ) throws -> Reply {
        var results: [RecordResult] = []
        var totals = IngestSummary()
        if !submission.rejected.isEmpty {
            try engine.store.recordRejects(submission.rejected)
            cache?.invalidate()
            totals.rejected = submission.rejected.count
            totals.read = submission.rejected.count
            for r in submission.rejected {
                results.append(
                    RecordResult(
                        line: r.line, id: r.id, status: "rejected",
                        reason: r.detail.map { "\(r.reason): \($0)" } ?? r.reason))
            }
        }
        var start = 0
        while start < submission.records.count {
            let batch = Array(submission.records[start..<min(start + batchSize, submission.records.count)])
            start += batch.count
            let result: Engine.BatchResult
            do { result = try engine.ingest(batch, update: submission.update) } catch {
                // A failed batch stored nothing, but the answers kept before it are dropped all the same.
                cache?.invalidate()
                throw error
            }
            if !result.decisions.isEmpty || !result.merges.isEmpty { cache?.invalidate() }
            totals.add(result.summary)
            for (record, outcome) in zip(batch, result.outcomes) {
                results.append(Self.result(record, outcome))
            }
            hub?.publish(batch: batch, result: result)
            committed()
            if pause > .zero {
                let c = pause.components
                usleep(useconds_t(min(60_000_000, c.seconds * 1_000_000 + c.attoseconds / 1_000_000_000_000)))
            }
        }
        totals.events = (try? engine.store.eventCount()) ?? 0
        results.sort { $0.line < $1.line }
        return Reply(results: results, totals: totals)
    }

    static func result(_ record: InputRecord, _ outcome: Engine.Outcome) -> RecordResult {
        var r = RecordResult(
            line: record.origin.line, id: record.article.id, status: "",
            warnings: record.warnings.isEmpty ? nil : record.warnings)
        switch outcome {
        case .ingested(let event, let joined):
            r.status = "ingested"
            r.event = event.rawValue
            r.joined = joined
        case .updated(let event):
            r.status = "updated"
            r.event = event.rawValue
        case .duplicate(let of):
            r.status = "duplicate"
            r.duplicateOf = of
        case .changed:
            r.status = "changed"
            r.reason = "the id is stored with other content; post with ?update=true to replace it"
        }
        return r
    }
}

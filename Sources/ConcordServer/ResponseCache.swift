import Foundation
import Hummingbird
import Synchronization

/// Rendered answers to reads, kept until the store changes.
///
/// The server is the store's only writer (it holds the writer lock), so it knows when an answer can go
/// stale: every committed batch moves the store to a new ``generation``, and an answer rendered at an older
/// generation is never served. Between commits, the same request (the event list a page polls, an event
/// many clients open) costs a lookup instead of queries and JSON encoding. Bounded by ``maxBytes``; the
/// least recently used answers go first.
public final class ResponseCache: Sendable {
    struct Entry {
        var generation: Int
        var body: ByteBuffer
        var used: Int
    }

    struct State {
        var generation = 0
        var entries: [String: Entry] = [:]
        var bytes = 0
        var clock = 0
        var hits = 0
        var misses = 0
    }

    public let maxBytes: Int
    /// Answers larger than this are not kept.
    public let maxEntryBytes: Int
    let state = Mutex(State())

    public init(maxBytes: Int = 64 << 20, maxEntryBytes: Int = 1 << 20) {
        self.maxBytes = maxBytes
        self.maxEntryBytes = maxEntryBytes
    }

    /// The store's version: moves on with every commit.
    public var generation: Int { state.withLock { $0.generation } }

    /// Hits and misses since the server started.
    public var counts: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }

    /// The store changed: every answer kept so far is stale.
    public func invalidate() {
        state.withLock { s in
            s.generation += 1
            s.entries.removeAll(keepingCapacity: true)
            s.bytes = 0
        }
    }

    /// The kept body for `key`, or `render`'s (kept when the store did not change meanwhile).
    func body(_ key: String, render: () throws -> ByteBuffer) rethrows -> ByteBuffer {
        let (cached, generation) = state.withLock { s -> (ByteBuffer?, Int) in
            s.clock += 1
            guard var e = s.entries[key], e.generation == s.generation else {
                s.misses += 1
                return (nil, s.generation)
            }
            s.hits += 1
            e.used = s.clock
            s.entries[key] = e
            return (e.body, s.generation)
        }
        if let cached { return cached }
        let body = try render()
        guard body.readableBytes <= maxEntryBytes else { return body }
        state.withLock { s in
            guard s.generation == generation else { return }
            if let old = s.entries[key] { s.bytes -= old.body.readableBytes }
            s.entries[key] = Entry(generation: generation, body: body, used: s.clock)
            s.bytes += body.readableBytes
            if s.bytes > maxBytes { Self.evict(&s, to: maxBytes * 3 / 4) }
        }
        return body
    }

    static func evict(_ s: inout State, to target: Int) {
        for (key, e) in s.entries.sorted(by: { $0.value.used < $1.value.used }) {
            guard s.bytes > target else { break }
            s.entries[key] = nil
            s.bytes -= e.body.readableBytes
        }
    }
}

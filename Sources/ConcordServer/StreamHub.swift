import ConcordCore
import ConcordEngine
import Foundation
import Synchronization

/// The live feed of `GET /v1/stream`: what each committed batch did, to every listener.
///
/// Three kinds of message: `created` (an article opened a new event), `joined` (an article joined an event,
/// new or updated) and `merged` (two events became one). Each listener gets its own buffer of the newest
/// ``bufferSize`` messages, so a slow listener loses its oldest messages instead of holding up the ingest.
public final class StreamHub: Sendable {
    /// One message, as server-sent events carry it.
    public struct Message: Sendable, Codable, Equatable {
        /// `created`, `joined` or `merged`.
        public var kind: String
        /// Its place in the stream since the server started (the SSE `id`).
        public var sequence: Int
        public var event: String
        public var article: String?
        public var title: String?
        /// For `merged`: the event absorbed into ``event``.
        public var absorbed: String?

        /// The SSE text of the message: `id`, `event` and one `data` line of JSON.
        public var sse: String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return "id: \(sequence)\nevent: \(kind)\ndata: \(data)\n\n"
        }
    }

    public let bufferSize: Int
    let listeners = Mutex(Listeners())

    struct Listeners {
        var next = 0
        var sequence = 0
        var open: [Int: AsyncStream<Message>.Continuation] = [:]
        var closed = false
    }

    public init(bufferSize: Int = 1_000) { self.bufferSize = bufferSize }

    /// Listeners connected now.
    public var count: Int { listeners.withLock { $0.open.count } }

    /// A new listener's messages, from now on; the stream ends when ``close()`` is called.
    public func subscribe() -> AsyncStream<Message> {
        let (stream, continuation) = AsyncStream<Message>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        let key: Int? = listeners.withLock { l in
            guard !l.closed else { return nil }
            l.next += 1
            l.open[l.next] = continuation
            return l.next
        }
        guard let key else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.listeners.withLock { $0.open.removeValue(forKey: key) }
        }
        return stream
    }

    /// Ends every listener's stream, and refuses new ones (the server is shutting down).
    public func close() {
        let open = listeners.withLock { l in
            l.closed = true
            defer { l.open = [:] }
            return Array(l.open.values)
        }
        for c in open { c.finish() }
    }

    /// Announces what one committed batch did.
    public func publish(batch: [InputRecord], result: Engine.BatchResult) {
        var drafts: [Message] = []
        for (record, outcome) in zip(batch, result.outcomes) {
            switch outcome {
            case .ingested(let event, let joined):
                drafts.append(
                    Message(
                        kind: joined ? "joined" : "created", sequence: 0, event: event.rawValue,
                        article: record.article.id, title: record.article.title))
            case .updated(let event):
                drafts.append(
                    Message(
                        kind: "joined", sequence: 0, event: event.rawValue, article: record.article.id,
                        title: record.article.title))
            case .duplicate, .changed:
                continue
            }
        }
        for m in result.merges {
            drafts.append(
                Message(kind: "merged", sequence: 0, event: m.survivor.rawValue, absorbed: m.absorbed.rawValue))
        }
        send(drafts)
    }

    func send(_ drafts: [Message]) {
        guard !drafts.isEmpty else { return }
        let (messages, open) = listeners.withLock { l -> ([Message], [AsyncStream<Message>.Continuation]) in
            let numbered = drafts.map { d -> Message in
                var m = d
                l.sequence += 1
                m.sequence = l.sequence
                return m
            }
            return (numbered, Array(l.open.values))
        }
        for c in open {
            for m in messages { c.yield(m) }
        }
    }
}

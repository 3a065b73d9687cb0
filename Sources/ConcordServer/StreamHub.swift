import ConcordCore
import ConcordEngine
import Foundation
import Synchronization

/// The live feed of `GET /v1/stream`: what each committed batch did, to every listener.
///
/// Three kinds of message: `created` (an article opened a new event), `joined` (an article joined an event,
/// new or updated) and `merged` (two events became one). Each listener gets its own buffer of the newest
/// ``bufferSize`` messages, so a slow listener loses its oldest messages instead of holding up the ingest.
///
/// The hub also keeps the last ``bufferSize`` messages, so a client that reconnects with the id of the last
/// message it saw (the `Last-Event-ID` an `EventSource` sends) gets what it missed before the live feed.
/// Ids name the server run (``run``) as well as the place in its stream, so an id from before a restart is
/// not read against the new run's numbering. What cannot be replayed (too old, or from another run) a reader
/// learns from the gap in ``Message/sequence`` (see ``Resume``).
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

        /// The SSE text of the message, its id in the server run `run`.
        public func sse(run: String) -> String { StreamHub.sse(run: run, sequence: sequence, kind: kind, data: self) }
    }

    /// What a `reset` message carries: messages before ``sequence`` were missed (``missed`` of them, nil when
    /// unknown), so what a client shows should be fetched again.
    struct Reset: Encodable {
        var kind = "reset"
        var sequence: Int
        var reason: String
        var missed: Int?
    }

    /// Where a listener's stream starts, read from the id of the last message it saw.
    public enum Resume: Sendable, Equatable {
        /// A new listener: live messages only.
        case live
        /// After this message of this run: the kept messages past it are replayed first.
        case after(Int)
        /// An id this run did not give (another run's, or not an id): what was missed is unknown.
        case unknown
    }

    /// This server run's name in every message id: eight hex digits, new at each start.
    public let run: String
    public let bufferSize: Int
    let listeners: Mutex<Listeners>

    struct Listeners {
        var next = 0
        var sequence = 0
        var open: [Int: AsyncStream<Message>.Continuation] = [:]
        /// The last `bufferSize` messages, oldest first.
        var recent: [Message] = []
        var closed = false
    }

    public init(bufferSize: Int = 1_000, run: String? = nil) {
        self.bufferSize = bufferSize
        self.run = run ?? String(format: "%08x", UInt32.random(in: 0...UInt32.max))
        listeners = Mutex(Listeners())
    }

    /// The SSE id of a message: `RUN-SEQUENCE`.
    static func eventID(run: String, sequence: Int) -> String { "\(run)-\(sequence)" }

    /// The SSE text of a `reset` (``Reset``). Its id lets a later reconnect resume from there.
    static func resetSSE(run: String, sequence: Int, missed: Int?) -> String {
        let reason =
            missed.map { "\($0) message\($0 == 1 ? " was" : "s were") missed: fetch what you show again" }
            ?? "the last event id is not one of this server run's: fetch what you show again"
        return sse(
            run: run, sequence: sequence, kind: "reset", data: Reset(sequence: sequence, reason: reason, missed: missed)
        )
    }

    /// One SSE message: `id`, `event` and one `data` line of JSON (keys sorted).
    static func sse(run: String, sequence: Int, kind: String, data: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(data)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "id: \(eventID(run: run, sequence: sequence))\nevent: \(kind)\ndata: \(json)\n\n"
    }

    /// Where a stream resumes, given the `Last-Event-ID` a client sent (nil or empty: a new listener).
    public func resume(lastEventID: String?) -> Resume {
        guard let id = lastEventID?.trimmingCharacters(in: .whitespaces), !id.isEmpty else { return .live }
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == run, let n = Int(parts[1]), n >= 0,
            n <= listeners.withLock({ $0.sequence })
        else { return .unknown }
        return .after(n)
    }

    /// Messages published so far in this run.
    public var sequence: Int { listeners.withLock { $0.sequence } }

    /// Listeners connected now.
    public var count: Int { listeners.withLock { $0.open.count } }

    /// A listener's messages, and where they continue from.
    public struct Subscription: Sendable {
        /// For ``Resume/after(_:)``, the kept messages past that one first, then every message from now on;
        /// ends when ``StreamHub/close()`` is called.
        public var messages: AsyncStream<Message>
        /// The sequence of the last message before ``messages``: its first message should be the next one, so
        /// a gap says how many were missed.
        public var start: Int
        /// The server run that numbers the messages (``StreamHub/run``).
        public var run: String
        /// The client's last id was not one of this run's (``Resume/unknown``): what it missed is unknown.
        public var lost: Bool
    }

    /// A new listener.
    public func subscribe(from resume: Resume = .live) -> Subscription {
        let (stream, continuation) = AsyncStream<Message>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        // Replayed and registered under the lock that numbers messages, so none is seen twice or skipped.
        let registered: (key: Int, start: Int)? = listeners.withLock { l in
            guard !l.closed else { return nil }
            var start = l.sequence
            if case .after(let n) = resume {
                start = n
                for m in l.recent where m.sequence > n { continuation.yield(m) }
            }
            l.next += 1
            l.open[l.next] = continuation
            return (l.next, start)
        }
        guard let registered else {
            continuation.finish()
            return Subscription(messages: stream, start: 0, run: run, lost: false)
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.listeners.withLock { $0.open.removeValue(forKey: registered.key) }
        }
        return Subscription(messages: stream, start: registered.start, run: run, lost: resume == .unknown)
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
        listeners.withLock { l in
            for d in drafts {
                var m = d
                l.sequence += 1
                m.sequence = l.sequence
                l.recent.append(m)
                for c in l.open.values { c.yield(m) }
            }
            if l.recent.count > bufferSize { l.recent.removeFirst(l.recent.count - bufferSize) }
        }
    }
}

import ConcordCore
import ConcordEngine
import ConcordStore
import Foundation
import Hummingbird

/// How `concord serve` guards and bounds its API.
public struct ServerOptions: Sendable {
    /// The bearer token writes need; nil leaves writes open (the server then only listens on loopback).
    public var token: String?
    /// The largest request body accepted, in bytes. Default 16 MiB.
    public var maxBodyBytes = 16 << 20
    /// The most records one POST may carry. Default 5,000.
    public var maxRecords = 5_000
    /// The clustering configuration `GET /v1/explain` assesses pairs with.
    public var clustering = EventClustering.Configuration()
    /// `GET /v1/stream` writes a comment line after this long without a message, so that proxies keep an idle
    /// stream open and a client can tell a quiet stream from a dead server. Default 15 seconds.
    public var heartbeat: Duration = .seconds(15)

    public init(token: String? = nil) { self.token = token }
}

/// The HTTP routes of `concord serve`, over one store and its resident engine.
///
/// Every route and its answers are described in ``OpenAPIDocument/yaml`` (served at `/openapi.yaml`).
/// Errors are JSON `{"error", "detail"}` with their status; never a stack trace or SQL.
public enum ConcordRoutes {
    /// The most events one page returns.
    public static let maxLimit = 500

    /// The routes, as the OpenAPI document lists them: method and path template.
    public static let routes: [(method: String, path: String)] = [
        ("GET", "/healthz"), ("GET", "/openapi.yaml"), ("GET", "/metrics"), ("GET", "/v1/stats"),
        ("GET", "/v1/events"), ("GET", "/v1/events/{id}"), ("GET", "/v1/articles/{id}"),
        ("POST", "/v1/articles"), ("GET", "/v1/explain"), ("GET", "/v1/stream"),
    ]

    /// - Parameters:
    ///   - ingest: the store's writer; without one, `POST /v1/articles` answers 503.
    ///   - hub: the live feed of `GET /v1/stream` (the one `ingest` publishes to).
    ///   - cache: rendered reads, kept until `ingest` changes the store. Without one every read is rendered
    ///     anew; give one only when `ingest` is the store's only writer and has the same cache.
    ///   - lookAlikes: what finds the look-alikes of an event page; by default one over `store` with
    ///     `options.clustering`.
    public static func router(
        store: any EventStore, ingest: IngestService? = nil, hub: StreamHub? = nil, cache: ResponseCache? = nil,
        metrics: ServerMetrics = ServerMetrics(), options: ServerOptions = ServerOptions(),
        lookAlikes: LookAlikeFinder? = nil
    ) -> Router<BasicRequestContext> {
        /// A read's JSON, from the cache when the store has not changed since it was rendered.
        @Sendable func cached(_ request: Request, _ render: () throws -> ByteBuffer) throws -> Response {
            let body = try cache?.body(request.uri.description, render: render) ?? render()
            return jsonResponse(body)
        }
        let router = Router()
        router.add(middleware: ObservingMiddleware(metrics: metrics))
        router.add(middleware: JSONErrorMiddleware())
        router.get("healthz") { _, _ in json(["status": "ok"]) }
        router.get("openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(
                    byteBuffer: ByteBuffer(string: metrics.render(store: store, ingest: ingest, hub: hub, cache: cache))
                ))
        }
        router.get("v1/stats") { request, _ in
            try guarded { try cached(request) { try encode(try store.counts()) } }
        }
        router.get("v1/events") { request, _ in
            try guarded {
                let query = try eventQuery(request.uri.queryParameters)
                return try cached(request) {
                    let page = try store.events(matching: query)
                    return try encode(
                        EventList(
                            events: page.events, total: page.total, offset: page.offset, limit: query.limit,
                            nextCursor: page.next?.token))
                }
            }
        }
        router.get("v1/events/:id") { request, context in
            try guarded {
                let id = try context.parameters.require("id")
                return try cached(request) {
                    guard let (summary, articles) = try store.event(EventID(id)) else {
                        throw APIError(.notFound, "no event \(id)")
                    }
                    return try encode(EventDetail(summary: summary, articles: articles.map(EventDetail.Member.init)))
                }
            }
        }
        router.get("v1/articles/:id") { request, context in
            try guarded {
                let id = try context.parameters.require("id")
                return try cached(request) {
                    guard let stored = try store.article(id) else { throw APIError(.notFound, "no article \(id)") }
                    return try encode(stored)
                }
            }
        }
        router.get("v1/explain") { request, _ in
            try guarded {
                let p = request.uri.queryParameters
                guard let a = p.get("a"), !a.isEmpty else {
                    throw APIError(.badRequest, "a (an article id) is required; b (a second one) is optional")
                }
                let ids = [a] + (p.get("b").map { [$0] } ?? [])
                let stored = try ids.map { id -> StoredArticle in
                    guard let s = try store.article(id) else { throw APIError(.notFound, "no article \(id)") }
                    return s
                }
                return json(try ExplainReport(stored, store: store, configuration: options.clustering))
            }
        }
        router.post("v1/articles") { request, _ in
            try await guardedAsync {
                try authorize(request, token: options.token)
                guard let ingest else { throw APIError(.serviceUnavailable, "this server does not ingest") }
                let submission = try await ArticleBody.decode(request, options: options)
                do {
                    return json(try await ingest.ingest(submission))
                } catch let full as IngestService.QueueFull {
                    throw APIError(
                        .serviceUnavailable,
                        "the ingest queue is full (\(full.limit) requests waiting or running): retry shortly",
                        headers: [.retryAfter: "1"])
                }
            }
        }
        router.get("v1/stream") { request, _ in
            try guarded {
                guard let hub else { throw APIError(.serviceUnavailable, "this server has no live stream") }
                let max = try number(request.uri.queryParameters, "max", default: nil, range: 1...1_000_000)
                // The browser's EventSource sends the header on a reconnect; the parameter serves clients that
                // cannot set headers.
                let last =
                    request.headers.first { $0.name.canonicalName == "last-event-id" }?.value
                    ?? request.uri.queryParameters.get("lastEventId")
                return eventStream(
                    hub.subscribe(from: hub.resume(lastEventID: last)), max: max, heartbeat: options.heartbeat)
            }
        }
        ConcordPages.add(
            to: router, store: store, cache: cache,
            lookAlikes: lookAlikes ?? LookAlikeFinder(store: store, configuration: options.clustering), options: options
        )
        return router
    }

    /// Server-sent events: a comment first (so a client sees the stream open), then one message per change, and
    /// a `: keep-alive` comment at each `heartbeat` that followed one without a message (so at most two
    /// heartbeats of silence). `max` counts messages, not comments.
    ///
    /// Nothing is lost silently: where the sequence jumps (a resume from a message no longer kept, a listener
    /// too slow for its buffer) or the client's last id was not this run's, a `reset` message says so first.
    static func eventStream(_ subscription: StreamHub.Subscription, max: Int?, heartbeat: Duration) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: ": concord event stream\n\n"))
                // Messages and heartbeat ticks (nil) in one sequence.
                let (out, lines) = AsyncStream<String?>.makeStream()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        let run = subscription.run
                        var last = subscription.start
                        if subscription.lost { lines.yield(StreamHub.resetSSE(run: run, sequence: last, missed: nil)) }
                        for await m in subscription.messages {
                            if m.sequence > last + 1 {
                                lines.yield(
                                    StreamHub.resetSSE(
                                        run: run, sequence: m.sequence - 1, missed: m.sequence - last - 1))
                            }
                            last = m.sequence
                            lines.yield(m.sse(run: run))
                        }
                        lines.finish()
                    }
                    group.addTask {
                        while !Task.isCancelled {
                            try await Task.sleep(for: heartbeat)
                            lines.yield(nil)
                        }
                    }
                    // `quiet`: no message since the last heartbeat.
                    var sent = 0, quiet = true
                    for await line in out {
                        if let line {
                            try await writer.write(ByteBuffer(string: line))
                            sent += 1
                            quiet = false
                            if let max, sent >= max { break }
                        } else {
                            if quiet { try await writer.write(ByteBuffer(string: ": keep-alive\n\n")) }
                            quiet = true
                        }
                    }
                    group.cancelAll()
                }
                try await writer.finish(nil)
            })
    }

    /// One page of events.
    struct EventList: Codable {
        var events: [EventSummary]
        var total: Int
        var offset: Int
        var limit: Int
        /// Pass as `cursor` for the next page; absent on the last page.
        var nextCursor: String?
    }

    /// The filters and page of `GET /v1/events`.
    static func eventQuery(_ p: Parameters) throws -> EventQuery {
        func day(_ name: String) throws -> Date? {
            // An empty value is no filter (as a form sends a field left blank).
            guard let text = p.get(name), !text.isEmpty else { return nil }
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyy-MM-dd"
            guard let date = f.date(from: text) ?? ISO8601DateFormatter().date(from: text) else {
                throw APIError(.badRequest, "\(name) must be a day (2025-03-09) or an ISO 8601 time, not \(text)")
            }
            return date
        }
        var after: EventCursor?
        if let token = p.get("cursor"), !token.isEmpty {
            guard let cursor = EventCursor(token: token) else {
                throw APIError(.badRequest, "cursor must be a nextCursor this server gave, not \(token)")
            }
            after = cursor
        }
        func text(_ name: String) -> String? {
            guard let t = p.get(name), !t.isEmpty else { return nil }
            return t
        }
        return EventQuery(
            since: try day("since"), until: try day("until"), language: text("lang"), entity: text("entity"),
            text: text("q"), limit: try number(p, "limit", default: 50, range: 1...maxLimit) ?? 50,
            offset: try number(p, "offset", default: 0, range: 0...Int(Int32.max)) ?? 0, after: after)
    }

    static func number(_ p: Parameters, _ name: String, default value: Int?, range: ClosedRange<Int>) throws -> Int? {
        guard let text = p.get(name) else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw APIError(
                .badRequest, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    /// Writes need `Authorization: Bearer <token>` when a token is set: 401 without one, 403 with another.
    static func authorize(_ request: Request, token: String?) throws {
        guard let token else { return }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw APIError(
                .unauthorized, "writes need the header Authorization: Bearer <token>",
                headers: [.wwwAuthenticate: "Bearer"])
        }
        let given = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        guard constantTimeEqual(Array(given.utf8), Array(token.utf8)) else {
            throw APIError(.forbidden, "the bearer token is not this server's")
        }
    }

    /// Compares in time that depends on the lengths only, not on where the bytes differ.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count) | (a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) {
            difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return difference == 0
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// A value as JSON.
    static func encode<T: Encodable>(_ value: T) throws -> ByteBuffer {
        do { return ByteBuffer(bytes: try encoder.encode(value)) } catch {
            throw APIError(.internalServerError, "the answer could not be written as JSON")
        }
    }

    /// A JSON response of an encoded body.
    static func jsonResponse(_ body: ByteBuffer, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:])
        -> Response
    {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: body))
    }

    /// A JSON response.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:])
        -> Response
    {
        do { return jsonResponse(try encode(value), status: status, headers: headers) } catch {
            return errorResponse(error)
        }
    }

    /// The JSON answer for an error.
    static func errorResponse(_ error: any Error) -> Response {
        if let e = error as? APIError {
            return json(["error": e.code, "detail": e.detail], status: e.status, headers: e.headers)
        }
        if let e = error as? any HTTPResponseError {
            let status = e.status
            let detail =
                status == .notFound
                ? "no such route; GET /openapi.yaml lists them" : status.reasonPhrase
            return json(["error": APIError.code(status), "detail": detail], status: status)
        }
        if let e = error as? StoreError {
            return json(["error": "store", "detail": e.description], status: .internalServerError)
        }
        return json(["error": "internal", "detail": "the server failed: \(error)"], status: .internalServerError)
    }

    /// Runs a handler; failures become their JSON answers.
    static func guarded(_ body: () throws -> Response) throws -> Response {
        do { return try body() } catch { return errorResponse(error) }
    }

    static func guardedAsync(_ body: () async throws -> Response) async throws -> Response {
        do { return try await body() } catch { return errorResponse(error) }
    }
}

/// Turns what the router itself throws (no such route, a method it does not take) into the JSON errors
/// of the API.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do { return try await next(request, context) } catch { return ConcordRoutes.errorResponse(error) }
    }
}

/// An error answered as JSON `{"error", "detail"}`.
struct APIError: Error {
    var status: HTTPResponse.Status
    var detail: String
    var headers: HTTPFields = [:]
    var code: String { Self.code(status) }

    static func code(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .badRequest: return "bad_request"
        case .unauthorized: return "unauthorized"
        case .forbidden: return "forbidden"
        case .notFound: return "not_found"
        case .methodNotAllowed: return "method_not_allowed"
        case .contentTooLarge: return "too_large"
        case .unsupportedMediaType: return "unsupported_media_type"
        case .tooManyRequests: return "too_many_requests"
        case .serviceUnavailable: return "unavailable"
        default: return status.code >= 500 ? "internal" : "error"
        }
    }

    init(_ status: HTTPResponse.Status, _ detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.detail = detail
        self.headers = headers
    }
}

import ConcordCore
import ConcordEngine
import ConcordStore
import Foundation
import Hummingbird

/// The HTTP routes of `concord serve`, over one store (read side).
///
/// `GET /healthz`, `GET /v1/stats`, `GET /v1/events` (filters `q`, `lang`, `entity`, `since`, `until`;
/// paging `limit`, `offset`), `GET /v1/events/{id}`, `GET /v1/articles/{id}`. Errors are JSON
/// `{"error", "detail"}` with their status; never a stack trace or SQL.
public enum ConcordRoutes {
    /// The most events one page returns.
    public static let maxLimit = 500

    public static func router(store: any EventStore) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("healthz") { _, _ in json(["status": "ok"]) }
        router.get("v1/stats") { _, _ in
            try guarded { json(try store.counts()) }
        }
        router.get("v1/events") { request, _ in
            try guarded {
                let query = try eventQuery(request.uri.queryParameters)
                let page = try store.events(matching: query)
                return json(EventList(events: page.events, total: page.total, offset: page.offset, limit: query.limit))
            }
        }
        router.get("v1/events/:id") { _, context in
            try guarded {
                let id = try context.parameters.require("id")
                guard let (summary, articles) = try store.event(EventID(id)) else {
                    throw APIError(.notFound, "no event \(id)")
                }
                return json(EventDetail(summary: summary, articles: articles.map(EventDetail.Member.init)))
            }
        }
        router.get("v1/articles/:id") { _, context in
            try guarded {
                let id = try context.parameters.require("id")
                guard let stored = try store.article(id) else { throw APIError(.notFound, "no article \(id)") }
                return json(stored)
            }
        }
        return router
    }

    /// One page of events.
    struct EventList: Codable {
        var events: [EventSummary]
        var total: Int
        var offset: Int
        var limit: Int
    }

    /// The filters and page of `GET /v1/events`.
    static func eventQuery(_ p: Parameters) throws -> EventQuery {
        func day(_ name: String) throws -> Date? {
            guard let text = p.get(name) else { return nil }
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyy-MM-dd"
            guard let date = f.date(from: text) ?? ISO8601DateFormatter().date(from: text) else {
                throw APIError(.badRequest, "\(name) must be a day (2025-03-09) or an ISO 8601 time, not \(text)")
            }
            return date
        }
        func number(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
            guard let text = p.get(name) else { return value }
            guard let n = Int(text), range.contains(n) else {
                throw APIError(
                    .badRequest, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return n
        }
        return EventQuery(
            since: try day("since"), until: try day("until"), language: p.get("lang"), entity: p.get("entity"),
            text: p.get("q"), limit: try number("limit", default: 50, range: 1...maxLimit),
            offset: try number("offset", default: 0, range: 0...Int(Int32.max)))
    }

    /// A JSON response.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Runs a handler; an ``APIError`` becomes its JSON answer, any other failure a 500 without details.
    static func guarded(_ body: () throws -> Response) throws -> Response {
        do {
            return try body()
        } catch let e as APIError {
            return json(["error": e.code, "detail": e.detail], status: e.status)
        } catch {
            return json(["error": "store", "detail": "the store failed: \(error)"], status: .internalServerError)
        }
    }
}

/// An error answered as JSON `{"error", "detail"}`.
struct APIError: Error {
    var status: HTTPResponse.Status
    var detail: String
    var code: String {
        switch status {
        case .notFound: return "not_found"
        case .badRequest: return "bad_request"
        default: return "error"
        }
    }

    init(_ status: HTTPResponse.Status, _ detail: String) {
        self.status = status
        self.detail = detail
    }
}

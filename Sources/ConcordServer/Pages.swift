import ConcordCore
import ConcordEngine
import ConcordStore
import Foundation
import Hummingbird
import Mustache

/// The web pages of `concord serve`: the event list at `/`, an event at `/events/{id}`, an article at
/// `/articles/{id}`, rendered on the server from ``PageTemplates`` (every value HTML-escaped), with a
/// stylesheet and a small script (live updates of the list) served by Concord itself.
public enum ConcordPages {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in PageTemplates.all {
            // The templates are ours and tested: one that does not parse is a programming error.
            do { try library.register(text, named: name) } catch { preconditionFailure("template \(name): \(error)") }
        }
        return library
    }()

    static func html(_ object: Any, _ template: String) -> ByteBuffer {
        ByteBuffer(string: library.render(object, withTemplate: template) ?? "")
    }

    static func response(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: body))
    }

    static func htmlError(_ status: HTTPResponse.Status, _ message: String) -> Response {
        response(html(ErrorScreen(pageTitle: status.reasonPhrase, message: message), "error"), status: status)
    }

    /// Adds the pages to `router`.
    static func add(
        to router: Router<BasicRequestContext>, store: any EventStore, cache: ResponseCache?,
        lookAlikes: LookAlikeFinder, options: ServerOptions
    ) {
        /// A page, from the cache when the store has not changed since it was rendered.
        @Sendable func page(_ request: Request, _ render: () throws -> ByteBuffer) -> Response {
            do {
                let body = try cache?.body("page " + request.uri.description, render: render) ?? render()
                return response(body)
            } catch let e as PageError {
                return htmlError(e.status, e.message)
            } catch let e as APIError {
                return htmlError(e.status, e.detail)
            } catch {
                return htmlError(.internalServerError, "The store failed: \(error)")
            }
        }
        router.get("/") { request, _ in
            page(request) {
                let p = request.uri.queryParameters
                var query = try ConcordRoutes.eventQuery(p)
                if p.get("limit") == nil { query.limit = 30 }
                let events = try store.events(matching: query)
                return html(ListScreen(p, page: events, languages: try store.counts().languages), "list")
            }
        }
        router.get("events/:id") { request, context in
            let id = try context.parameters.require("id")
            return page(request) {
                guard let (summary, articles) = try store.event(EventID(id)) else {
                    throw PageError(status: .notFound, message: "There is no event \(id).")
                }
                let alike = (try? lookAlikes.lookAlikes(of: summary, articles: articles)) ?? []
                return html(EventScreen(EventView(summary: summary, articles: articles), lookAlikes: alike), "event")
            }
        }
        router.get("articles/:id") { request, context in
            let id = try context.parameters.require("id")
            return page(request) {
                guard let stored = try store.article(id) else {
                    throw PageError(status: .notFound, message: "There is no article \(id).")
                }
                var page = ArticleScreen(stored, event: try store.event(stored.eventID)?.summary)
                if let other = request.uri.queryParameters.get("compare"), !other.isEmpty {
                    page.compare = other
                    if let b = try store.article(other) {
                        let report = try ExplainReport([stored, b], store: store, configuration: options.clustering)
                        page.comparison = ArticleScreen.Comparison(
                            verdict: report.sameEvent == true ? "One event." : "Different events.",
                            summary: report.pairSummary ?? "", other: other)
                    } else {
                        page.compareError = "There is no article \(other)."
                    }
                }
                return html(page, "article")
            }
        }
        router.get("static/concord.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: PageTemplates.css)))
        }
        router.get("static/concord.js") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: PageTemplates.script)))
        }
    }
}

/// A page that cannot be shown, with its status.
struct PageError: Error {
    var status: HTTPResponse.Status
    var message: String
}

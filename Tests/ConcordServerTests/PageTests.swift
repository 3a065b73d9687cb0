import ConcordCore
import ConcordEngine
import ConcordStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConcordEngine
@testable import ConcordServer

/// The web pages, in process: status, key content, escaping of hostile titles and ids.
@Suite struct PageTests {
    static func record(
        _ id: String, _ title: String, _ text: String, _ published: String, lang: String = "en", source: String
    ) -> InputRecord {
        let fields: [String: String] = [
            "id": id, "title": title, "text": text, "published": published, "lang": lang, "source": source,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: fields)) ?? Data()
        return (try? RecordDecoder().decodeJSON(data, origin: RecordOrigin(file: "pages", line: 1)))
            ?? InputRecord(
                article: Article(id: id, title: title, text: text), origin: RecordOrigin(file: "pages", line: 1))
    }

    /// Two derbies of the same clubs, three years apart; a copy of one report under another outlet; a hostile
    /// title.
    static let records: [InputRecord] = [
        record(
            "d22-en", "Castelmare derby ends 1-1 at the Aldo Ferri",
            "The Castelmare derby ended 1-1 at the Aldo Ferri on Sunday 13 March 2022. Luca Bernardini headed AC Castelmare ahead, Tran Minh Khoa equalised for Sporting.",
            "2022-03-13T20:00:00Z", source: "Wire One"),
        record(
            "d22-it", "Derby di Castelmare, 1-1 al Ferri",
            "Il derby di Castelmare finisce 1-1 domenica 13 marzo 2022 allo stadio Aldo Ferri: Luca Bernardini di testa per l'AC Castelmare, pari di Tran Minh Khoa per lo Sporting.",
            "2022-03-13T21:00:00Z", lang: "it", source: "Il Faro"),
        record(
            "d25-en", "Castelmare derby ends 1-1 again",
            "The Castelmare derby ended 1-1 at the Aldo Ferri on Sunday 9 March 2025. Luca Bernardini scored a penalty for AC Castelmare, Tran Minh Khoa equalised for Sporting with a shot from distance.",
            "2025-03-09T20:00:00Z", source: "Wire One"),
        record(
            "d25-copy", "Castelmare derby ends 1-1 again",
            "The Castelmare derby ended 1-1 at the Aldo Ferri on Sunday 9 March 2025. Luca Bernardini scored a penalty for AC Castelmare, Tran Minh Khoa equalised for Sporting with a shot from distance!",
            "2025-03-09T22:00:00Z", source: "Reprint Daily"),
        record(
            "evil", "<script>alert('title')</script> Harbour fire in Kelston",
            "A fire destroyed a warehouse at the Kelston harbour on Tuesday 4 February 2025; firefighters fought it for six hours.",
            "2025-02-04T10:00:00Z", source: "<b>Outlet</b>"),
    ]

    static func app() throws -> (Application<RouterResponder<BasicRequestContext>>, MemoryEventStore) {
        let store = MemoryEventStore()
        let engine = try Engine(store: store, extractor: FeatureExtractor(languageIdentifier: NoLanguage()))
        _ = try engine.ingest(records)
        return (Application(router: ConcordRoutes.router(store: store, cache: ResponseCache())), store)
    }

    func text(_ response: TestResponse) -> String { String(decoding: response.body.readableBytesView, as: UTF8.self) }

    @Test func theListShowsEventsEscapedWithFilters() async throws {
        let (app, _) = try Self.app()
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = text(response)
                #expect(html.contains("Castelmare derby ends 1-1"))
                // Titles are shown as normalized (markup dropped); nothing of the markup runs.
                #expect(!html.contains("<script>alert"))
                #expect(html.contains(#"<script src="/static/concord.js" defer></script>"#))
                #expect(html.contains("3 events"))
                // The reprint of the 2025 report counts with its original.
                #expect(html.contains("2 articles · 1 independent sources"))
            }
            // As the filter form sends it: blank fields are no filter.
            try await client.execute(uri: "/?q=&lang=&entity=Kelston&since=&until=", method: .get) { response in
                let html = text(response)
                #expect(html.contains("1 event"))
                #expect(!html.contains("Castelmare derby"))
            }
            try await client.execute(uri: "/?since=nonsense", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(text(response).contains("since must be a day"))
            }
        }
    }

    @Test func theLookAlikeStatisticsCanBeReadBeforeTheFirstPage() throws {
        let (_, store) = try Self.app()
        let finder = LookAlikeFinder(store: store)
        #expect(finder.state.withLock { $0 == nil })
        try finder.prepare()
        let documents = finder.state.withLock { $0?.documents }
        #expect(documents == Self.records.count)
        #expect(finder.state.withLock { $0?.clustering.statistics.documents } == Self.records.count)
    }

    @Test func lookAlikesAreNotSearchedByNamesTooCommonToTell() throws {
        let store = MemoryEventStore()
        let engine = try Engine(store: store, extractor: FeatureExtractor(languageIdentifier: NoLanguage()))
        // One name of the derbies, and only it, in one article more.
        let school = Self.record(
            "school", "Luca Bernardini opens a football school",
            "Luca Bernardini opened a football school for children in the hills on Thursday 1 May 2025.",
            "2025-05-01T09:00:00Z", source: "Local News")
        _ = try engine.ingest(Self.records + [school])
        let event = try #require(try store.article("d25-en")).eventID
        let other = try #require(try store.article("d22-en")).eventID
        let (summary, articles) = try #require(try store.event(event))
        let documents = try store.counts().articles
        #expect(summary.entities.contains("Luca Bernardini"))

        // Every name of the event is in 4 or 5 articles: a cap of 4 leaves out Luca Bernardini only...
        let capped = LookAlikeFinder(store: store, maxNameFrequency: 4)
        let names = try capped.searchNames(summary, documents: documents)
        #expect(names == Array(summary.entities.prefix(6)).filter { $0 != "Luca Bernardini" })
        // ...and the other derby is still found by the names the two share.
        #expect(try capped.lookAlikes(of: summary, articles: articles).contains { $0.summary.id == other })

        // No cap to speak of: every top name; a cap below all of them: the least common one alone.
        let all = try LookAlikeFinder(store: store).searchNames(summary, documents: documents)
        #expect(all == Array(summary.entities.prefix(6)))
        let one = try LookAlikeFinder(store: store, maxNameFrequency: 1)
            .searchNames(summary, documents: documents)
        #expect(one.count == 1 && one != ["Luca Bernardini"])
    }

    @Test func anEventPageShowsTitlesCopiesTimelineWhyAndItsLookAlike() async throws {
        let (app, store) = try Self.app()
        let event = try #require(try store.article("d25-en")).eventID
        let other = try #require(try store.article("d22-en")).eventID
        try #require(event != other, "the two derbies are one event")
        try #require(try store.article("d25-copy")?.eventID == event)
        try await app.test(.router) { client in
            try await client.execute(uri: "/events/\(event.rawValue)", method: .get) { response in
                #expect(response.status == .ok)
                let html = text(response)
                #expect(html.contains("<h1 dir=\"auto\">Castelmare derby ends 1-1 again</h1>"))
                #expect(html.contains("2 articles · 1 independent sources · 1 near copies folded"))
                #expect(html.contains("near copy: <a href=\"/articles/d25-copy\""))
                #expect(html.contains("<svg class=\"timeline\""))
                #expect(html.contains("<details class=\"why\">"))
                // The other derby, years earlier, kept apart for its date.
                let panel = html.components(separatedBy: "id=\"lookalikes\"").last ?? ""
                #expect(panel.contains("/events/\(other.rawValue)"))
                #expect(panel.contains("2022-03-13"))
                #expect(panel.contains("Kept apart: "))
            }
            try await client.execute(uri: "/events/\(other.rawValue)", method: .get) { response in
                let html = text(response)
                #expect(html.contains("Headline by language"))
                #expect(html.contains("lang=\"it\""))
            }
        }
    }

    @Test func hostileIdsAndTitlesAreShownAsText() async throws {
        let (app, store) = try Self.app()
        let evil = try #require(try store.article("evil")).eventID
        try await app.test(.router) { client in
            try await client.execute(uri: "/events/%3Cscript%3Ealert(1)%3C%2Fscript%3E", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(!text(response).contains("<script>alert"))
            }
            try await client.execute(uri: "/events/\(evil.rawValue)", method: .get) { response in
                let html = text(response)
                // The article's title as given, and its source, escaped.
                #expect(!html.contains("<script>alert"))
                #expect(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Harbour fire in Kelston"))
                #expect(!html.contains("<b>Outlet</b>"))
                #expect(html.contains("&lt;b&gt;Outlet&lt;/b&gt;"))
            }
            try await client.execute(uri: "/articles/evil", method: .get) { response in
                #expect(response.status == .ok)
                #expect(!text(response).contains("<script>alert"))
            }
        }
    }

    @Test func anArticlePageShowsItsFeaturesAndExplainsAgainstAnother() async throws {
        let (app, _) = try Self.app()
        try await app.test(.router) { client in
            try await client.execute(uri: "/articles/d22-it", method: .get) { response in
                #expect(response.status == .ok)
                let html = text(response)
                #expect(html.contains("Dates found"))
                #expect(html.contains("2022-03-13"))
                #expect(html.contains("Luca Bernardini"))
                #expect(html.contains("name=\"compare\""))
            }
            try await client.execute(uri: "/articles/d22-it?compare=d22-en", method: .get) { response in
                #expect(text(response).contains("<strong>One event.</strong>"))
            }
            try await client.execute(uri: "/articles/d22-it?compare=d25-en", method: .get) { response in
                #expect(text(response).contains("<strong>Different events.</strong>"))
            }
            try await client.execute(uri: "/articles/d22-it?compare=nothing", method: .get) { response in
                #expect(text(response).contains("There is no article nothing."))
            }
            try await client.execute(uri: "/articles/nothing", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func theStylesheetAndScriptAreServedByConcord() async throws {
        let (app, _) = try Self.app()
        try await app.test(.router) { client in
            try await client.execute(uri: "/static/concord.css", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
                #expect(!text(response).contains("http"), "no external resource")
            }
            try await client.execute(uri: "/static/concord.js", method: .get) { response in
                #expect(text(response).contains("EventSource('/v1/stream')"))
            }
        }
    }

    @Test func copiesFoldUnderTheEarliestAndTheMedoidHeadlineWins() throws {
        func stored(_ id: String, _ title: String, _ terms: [String: Float], source: String, hour: Double)
            -> StoredArticle
        {
            var f = ArticleFeatures(
                articleID: id, language: "en", languageConfidence: 1, published: hour * 3_600, source: source,
                terms: terms, entities: [], numbers: [], dates: [], eventDate: nil, embedding: nil,
                contentHash: id, title: title)
            f.terms = terms
            return StoredArticle(
                article: Article(
                    id: id, source: source, title: title, text: "t",
                    published: Date(timeIntervalSince1970: hour * 3_600)),
                features: f, eventID: "ev-1", decision: nil)
        }
        let a = stored("a", "Bridge closes", ["bridge": 1, "close": 1, "river": 1], source: "A", hour: 1)
        let b = stored("b", "Bridge closes", ["bridge": 1, "close": 1, "river": 0.95], source: "B", hour: 2)
        let c = stored(
            "c", "River bridge shut after crack", ["bridge": 1, "crack": 1, "river": 1], source: "C", hour: 30)
        let d = stored("d", "Crack found", ["crack": 1, "engineer": 1], source: "D", hour: 50)
        let summary = EventSummary(id: "ev-1", members: [a, b, c, d].map(\.features))
        let view = EventView(summary: summary, articles: [d, c, b, a])
        #expect(view.copies == 1)
        #expect(view.independentSources == 3)
        let en = try #require(view.languages.first)
        #expect(en.articles.first?.stored.article.id == "a")
        #expect(en.articles.first?.copies.map(\.article.id) == ["b"])
        #expect(en.title == "River bridge shut after crack")
        // 49 hours of coverage: one bar per hour.
        #expect(view.binSeconds == 3_600)
        #expect(view.timeline.count == 50)
        #expect(view.timeline.map(\.count).reduce(0, +) == 4)
    }
}

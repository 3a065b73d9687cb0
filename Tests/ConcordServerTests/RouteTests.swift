import ConcordCore
import ConcordEngine
import ConcordServer
import ConcordStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

struct NoLanguage: LanguageIdentifier {
    func identify(_ text: String) -> LanguageGuess? { nil }
}

/// The read routes of `concord serve`, in process, over a store of three articles in two events.
@Suite struct RouteTests {
    static func store() throws -> MemoryEventStore {
        func record(_ id: String, _ title: String, _ text: String, day: Int) -> InputRecord {
            InputRecord(
                article: Article(
                    id: id, source: "src-\(id)", title: title, text: text,
                    published: Date(timeIntervalSince1970: Double(day) * 86_400 + 36_000), declaredLanguage: "en"),
                origin: RecordOrigin(file: "test.jsonl", line: 1))
        }
        let store = MemoryEventStore()
        let engine = try Engine(store: store, extractor: FeatureExtractor(languageIdentifier: NoLanguage()))
        _ = try engine.ingest([
            record(
                "a1", "Harbour fire destroys warehouse in Kelston",
                "A fire destroyed a grain warehouse at the Kelston harbour on Tuesday. Firefighters from Kelston and Avonbridge fought the blaze for six hours.",
                day: 20_000),
            record(
                "a2", "Kelston harbour warehouse burns down",
                "Firefighters from Kelston and Avonbridge fought a blaze at a grain warehouse in the Kelston harbour for six hours on Tuesday.",
                day: 20_000),
            record(
                "a3", "Mayor Ostrova opens new tram line in <Dunmere>",
                "Mayor Lena Ostrova opened the new tram line between Dunmere station and the university on Friday, with 12 stops.",
                day: 20_003),
        ])
        return store
    }

    struct Page: Decodable {
        struct Event: Decodable {
            var id: String
            var title: String
            var articleCount: Int
        }
        var events: [Event]
        var total: Int
        var offset: Int
        var limit: Int
    }

    struct Detail: Decodable {
        struct Member: Decodable { var id: String }
        var summary: Page.Event
        var articles: [Member]
    }

    struct APIError: Decodable {
        var error: String
        var detail: String
    }

    func body(_ response: TestResponse) -> Data { Data(response.body.readableBytesView) }

    func withClient(_ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: ConcordRoutes.router(store: try Self.store()))
        try await app.test(.router, test)
    }

    @Test func healthAndStats() async throws {
        try await withClient { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/stats", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let counts = try JSONDecoder().decode(StoreCounts.self, from: body(response))
                #expect(counts.articles == 3)
                #expect(counts.events == 2)
            }
        }
    }

    @Test func eventsPageToTheEndAndFilter() async throws {
        try await withClient { client in
            var seen: [String] = []
            for offset in 0..<3 {
                try await client.execute(uri: "/v1/events?limit=1&offset=\(offset)", method: .get) { response in
                    #expect(response.status == .ok)
                    let page = try JSONDecoder().decode(Page.self, from: body(response))
                    #expect(page.total == 2)
                    #expect(page.limit == 1)
                    seen += page.events.map(\.id)
                }
            }
            #expect(seen.count == 2 && Set(seen).count == 2, "paging lost or repeated an event: \(seen)")
            try await client.execute(uri: "/v1/events?q=grain", method: .get) { response in
                let page = try JSONDecoder().decode(Page.self, from: body(response))
                #expect(page.events.map(\.articleCount) == [2])
            }
            try await client.execute(uri: "/v1/events?since=2024-10-06", method: .get) { response in
                let page = try JSONDecoder().decode(Page.self, from: body(response))
                #expect(page.events.map(\.title) == ["Mayor Ostrova opens new tram line in <Dunmere>"])
            }
        }
    }

    @Test(arguments: [
        "/v1/events?limit=0", "/v1/events?limit=abc", "/v1/events?since=yesterday", "/v1/events?offset=-1",
    ])
    func badParametersAreA400NamingTheParameter(uri: String) async throws {
        try await withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                let error = try JSONDecoder().decode(APIError.self, from: body(response))
                #expect(error.error == "bad_request")
                let name = uri.split(separator: "?")[1].split(separator: "=")[0]
                #expect(error.detail.hasPrefix(String(name)))
            }
        }
    }

    @Test func oneEventAndOneArticleOrA404() async throws {
        let store = try Self.store()
        let a1 = try #require(try store.article("a1"))
        let app = Application(router: ConcordRoutes.router(store: store))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/events/\(a1.eventID.rawValue)", method: .get) { response in
                #expect(response.status == .ok)
                let detail = try JSONDecoder().decode(Detail.self, from: body(response))
                #expect(detail.summary.id == a1.eventID.rawValue)
                #expect(detail.summary.articleCount == 2)
                #expect(Set(detail.articles.map(\.id)) == ["a1", "a2"])
            }
            try await client.execute(uri: "/v1/articles/a3", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(decoding: body(response), as: UTF8.self)
                #expect(text.contains("Ostrova"))
            }
            for uri in ["/v1/events/ev-nothing", "/v1/articles/nothing"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound)
                    let error = try JSONDecoder().decode(APIError.self, from: body(response))
                    #expect(error.error == "not_found")
                }
            }
        }
    }
}

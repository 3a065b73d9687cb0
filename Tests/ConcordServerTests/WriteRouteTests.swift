import ConcordCore
import ConcordEngine
import ConcordStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConcordServer

/// `POST /v1/articles`, the live stream, explain, metrics and the OpenAPI contract, in process.
@Suite struct WriteRouteTests {
    /// A server over a new in-memory store with its engine; `token` guards writes.
    struct Server {
        var store = MemoryEventStore()
        var hub = StreamHub()
        var cache = ResponseCache()
        var ingest: IngestService
        var options: ServerOptions
        var app: Application<RouterResponder<BasicRequestContext>>

        init(
            token: String? = nil, maxRecords: Int = 5_000, maxBodyBytes: Int = 16 << 20, maxQueued: Int = 8,
            heartbeat: Duration = .seconds(15), streamBuffer: Int = 1_000
        ) throws {
            hub = StreamHub(bufferSize: streamBuffer)
            let engine = try Engine(store: store, extractor: FeatureExtractor(languageIdentifier: NoLanguage()))
            ingest = IngestService(engine: engine, hub: hub, cache: cache, maxQueued: maxQueued)
            options = ServerOptions(token: token)
            options.maxRecords = maxRecords
            options.maxBodyBytes = maxBodyBytes
            options.heartbeat = heartbeat
            app = Application(
                router: ConcordRoutes.router(store: store, ingest: ingest, hub: hub, cache: cache, options: options))
        }
    }

    struct Reply: Decodable {
        struct Result: Decodable {
            var line: Int
            var id: String?
            var status: String
            var event: String?
            var joined: Bool?
            var duplicateOf: String?
            var reason: String?
            var warnings: [String]?
        }
        var results: [Result]
        var totals: IngestSummary
    }

    struct APIError: Decodable {
        var error: String
        var detail: String
    }

    static let records: [[String: String]] = [
        [
            "id": "w1", "title": "Harbour fire destroys warehouse in Kelston", "published": "2024-10-01T10:00:00Z",
            "text":
                "A fire destroyed a grain warehouse at the Kelston harbour on Tuesday. Firefighters from Kelston and Avonbridge fought the blaze for six hours.",
        ],
        [
            "id": "w2", "title": "Kelston harbour warehouse burns down", "published": "2024-10-01T12:00:00Z",
            "text":
                "Firefighters from Kelston and Avonbridge fought a blaze at a grain warehouse in the Kelston harbour for six hours on Tuesday.",
        ],
        [
            "id": "w3", "title": "Mayor Ostrova opens new tram line in Dunmere", "published": "2024-10-04T10:00:00Z",
            "text":
                "Mayor Lena Ostrova opened the new tram line between Dunmere station and the university on Friday, with 12 stops.",
        ],
    ]

    static func json(_ value: Any) -> ByteBuffer {
        ByteBuffer(bytes: (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data())
    }

    static func ndjson(_ lines: [String]) -> ByteBuffer { ByteBuffer(string: lines.joined(separator: "\n") + "\n") }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(response.body.readableBytesView))
    }

    @Test func postedArticlesAreIngestedOnceWithOneResultEach() async throws {
        let server = try Server()
        try await server.app.test(.router) { client in
            var first: Reply?
            try await client.execute(
                uri: "/v1/articles", method: .post, headers: Self.jsonHeaders, body: Self.json(Self.records)
            ) { response in
                #expect(response.status == .ok)
                first = try decode(Reply.self, response)
            }
            let reply = try #require(first)
            #expect(reply.results.map(\.line) == [1, 2, 3])
            #expect(reply.results.map(\.status) == ["ingested", "ingested", "ingested"])
            #expect(reply.results[0].event == reply.results[1].event, "the two fire reports are one event")
            #expect(reply.results[2].event != reply.results[0].event)
            #expect(reply.results[1].joined == true)
            #expect(reply.totals.ingested == 3 && reply.totals.events == 2)
            #expect(reply.results.allSatisfy { $0.warnings == nil })
            let counts = try server.store.counts()

            // The same records again change nothing.
            try await client.execute(
                uri: "/v1/articles", method: .post, headers: Self.jsonHeaders, body: Self.json(Self.records)
            ) { response in
                let again = try decode(Reply.self, response)
                #expect(again.results.map(\.status) == ["duplicate", "duplicate", "duplicate"])
                #expect(again.results.map(\.duplicateOf) == ["w1", "w2", "w3"])
                #expect(again.totals.ingested == 0)
            }
            #expect(try server.store.counts() == counts)

            // One record, not in an array, is read too; its id with other content is reported, not dropped.
            var changed = Self.records[2]
            changed["text"] = "Mayor Lena Ostrova opened the tram line to Dunmere university; 14 stops, not 12."
            try await client.execute(
                uri: "/v1/articles", method: .post, headers: Self.jsonHeaders, body: Self.json(changed)
            ) { response in
                let reply = try decode(Reply.self, response)
                #expect(reply.results.map(\.status) == ["changed"])
                #expect(reply.results.first?.reason?.contains("update=true") == true)
            }
            try await client.execute(
                uri: "/v1/articles?update=true", method: .post, headers: Self.jsonHeaders, body: Self.json([changed])
            ) { response in
                let reply = try decode(Reply.self, response)
                #expect(reply.results.map(\.status) == ["updated"])
            }
            #expect(try server.store.article("w3")?.article.text.contains("14 stops") == true)
        }
    }

    @Test func ndjsonRecordsThatCannotBeReadAreRejectedByLineAndTheRestGoesOn() async throws {
        let server = try Server()
        let good = String(decoding: try JSONSerialization.data(withJSONObject: Self.records[0]), as: UTF8.self)
        let body = Self.ndjson([good, "{not json", "", #"{"id": "empty", "title": "No text"}"#])
        try await server.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/articles", method: .post, headers: [.contentType: "application/x-ndjson"], body: body
            ) { response in
                #expect(response.status == .ok)
                let reply = try decode(Reply.self, response)
                #expect(reply.results.map(\.line) == [1, 2, 4])
                #expect(reply.results.map(\.status) == ["ingested", "rejected", "rejected"])
                #expect(reply.results[1].reason?.hasPrefix("invalid JSON") == true)
                #expect(reply.results[2].id == "empty")
                #expect(reply.results[2].reason == "no text")
                #expect(reply.totals.rejected == 2 && reply.totals.ingested == 1)
            }
        }
        // The rejects are kept in the store, as `concord ingest` keeps them.
        #expect(try server.store.counts().rejects == 2)
    }

    @Test func writesNeedTheTokenWhenOneIsSet() async throws {
        let server = try Server(token: "s3cret-token")
        try await server.app.test(.router) { client in
            let cases: [(HTTPFields, HTTPResponse.Status, String?)] = [
                (Self.jsonHeaders, .unauthorized, "unauthorized"),
                ([.contentType: "application/json", .authorization: "Basic czNjcmV0"], .unauthorized, "unauthorized"),
                ([.contentType: "application/json", .authorization: "Bearer s3cret-tokeN"], .forbidden, "forbidden"),
                ([.contentType: "application/json", .authorization: "Bearer s3cret"], .forbidden, "forbidden"),
                ([.contentType: "application/json", .authorization: "Bearer s3cret-token"], .ok, nil),
            ]
            for (headers, status, code) in cases {
                try await client.execute(
                    uri: "/v1/articles", method: .post, headers: headers, body: Self.json([Self.records[0]])
                ) { response in
                    #expect(response.status == status, "\(headers)")
                    if let code {
                        let error = try decode(APIError.self, response)
                        #expect(error.error == code)
                    }
                    if status == .unauthorized { #expect(response.headers[.wwwAuthenticate] == "Bearer") }
                }
            }
            // Reads stay open.
            try await client.execute(uri: "/v1/stats", method: .get) { #expect($0.status == .ok) }
        }
        #expect(try server.store.counts().articles == 1)
    }

    @Test func tokensCompareWholly() {
        #expect(ConcordRoutes.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!ConcordRoutes.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!ConcordRoutes.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!ConcordRoutes.constantTimeEqual([], Array("a".utf8)))
        // Lengths that differ by a multiple of 256 are still different.
        #expect(!ConcordRoutes.constantTimeEqual([UInt8](repeating: 0, count: 256), []))
    }

    @Test func badBodiesGetTheirStatusAndAJSONError() async throws {
        let server = try Server(maxRecords: 2, maxBodyBytes: 4_096)
        let big = [["id": "big", "title": "t", "text": String(repeating: "long text ", count: 600)]]
        let cases: [(HTTPFields, ByteBuffer, HTTPResponse.Status, String)] = [
            ([.contentType: "text/plain"], Self.json(Self.records), .unsupportedMediaType, "application/json"),
            ([:], Self.json(Self.records), .unsupportedMediaType, "none"),
            (Self.jsonHeaders, ByteBuffer(string: "{\"id\": "), .badRequest, "not JSON"),
            (Self.jsonHeaders, ByteBuffer(string: "42"), .badRequest, "array"),
            (Self.jsonHeaders, ByteBuffer(string: "[]"), .badRequest, "no records"),
            (Self.jsonHeaders, Self.json(Self.records), .contentTooLarge, "at most 2 records"),
            (Self.jsonHeaders, Self.json(big), .contentTooLarge, "4096 bytes"),
        ]
        try await server.app.test(.router) { client in
            for (headers, body, status, words) in cases {
                try await client.execute(uri: "/v1/articles", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == status)
                    let error = try decode(APIError.self, response)
                    #expect(error.detail.contains(words), "\(error.detail)")
                }
            }
            try await client.execute(
                uri: "/v1/articles?update=maybe", method: .post, headers: Self.jsonHeaders,
                body: Self.json([Self.records[0]])
            ) { response in
                #expect(response.status == .badRequest)
                let decoded = try decode(APIError.self, response)
                #expect(decoded.detail.hasPrefix("update"))
            }
        }
        #expect(try server.store.counts().articles == 0)
    }

    @Test func aFullQueueIsA503WithRetryAfter() async throws {
        let server = try Server(maxQueued: 1)
        // Hold the engine's queue, so the first request waits on it.
        let gate = DispatchSemaphore(value: 0)
        server.ingest.queue.async { gate.wait() }
        let waiting = Task {
            try await server.ingest.ingest(
                .init(records: [Self.inputRecord(Self.records[0])], rejected: []))
        }
        while server.ingest.depth < 1 { try await Task.sleep(for: .milliseconds(5)) }
        try await server.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/articles", method: .post, headers: Self.jsonHeaders, body: Self.json([Self.records[1]])
            ) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
                let decoded = try decode(APIError.self, response)
                #expect(decoded.detail.contains("queue is full"))
            }
        }
        gate.signal()
        let reply = try await waiting.value
        #expect(reply.totals.ingested == 1)
        #expect(server.ingest.depth == 0)
    }

    static func inputRecord(_ fields: [String: String]) -> InputRecord {
        let data = (try? JSONSerialization.data(withJSONObject: fields)) ?? Data()
        return (try? RecordDecoder().decodeJSON(data, origin: RecordOrigin(file: "test", line: 1)))
            ?? InputRecord(article: Article(id: "x", title: "", text: "x"), origin: RecordOrigin(file: "test", line: 1))
    }

    @Test func cursorPagesWalkToTheEndAndABadCursorIsA400() async throws {
        let server = try Server()
        _ = try await server.ingest.ingest(.init(records: Self.records.map(Self.inputRecord), rejected: []))
        try await server.app.test(.router) { client in
            struct Page: Decodable {
                struct Event: Decodable { var id: String }
                var events: [Event]
                var total: Int
                var nextCursor: String?
            }
            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let uri = "/v1/events?limit=1" + (cursor.map { "&cursor=\($0)" } ?? "")
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    let page = try decode(Page.self, response)
                    #expect(page.total == 2)
                    seen += page.events.map(\.id)
                    cursor = page.nextCursor
                }
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 2)
            #expect(Set(seen).count == 2 && seen.count == 2)
            try await client.execute(uri: "/v1/events?cursor=bogus", method: .get) { response in
                #expect(response.status == .badRequest)
                let decoded = try decode(APIError.self, response)
                #expect(decoded.detail.hasPrefix("cursor"))
            }
        }
    }

    @Test func explainSaysWhyOneOrTwoArticlesAreWhereTheyAre() async throws {
        let server = try Server()
        _ = try await server.ingest.ingest(.init(records: Self.records.map(Self.inputRecord), rejected: []))
        try await server.app.test(.router) { client in
            try await client.execute(uri: "/v1/explain?a=w1&b=w2", method: .get) { response in
                #expect(response.status == .ok)
                let report = try decode(ExplainReport.self, response)
                #expect(report.articles.map(\.id) == ["w1", "w2"])
                #expect(report.sameEvent == true)
                #expect(report.pairSummary?.isEmpty == false)
            }
            try await client.execute(uri: "/v1/explain?a=w1&b=w3", method: .get) { response in
                let decoded = try decode(ExplainReport.self, response)
                #expect(decoded.sameEvent == false)
            }
            try await client.execute(uri: "/v1/explain?a=w3", method: .get) { response in
                let report = try decode(ExplainReport.self, response)
                #expect(report.articles.count == 1 && report.sameEvent == nil)
                #expect(report.articles[0].decision.isEmpty == false)
            }
            try await client.execute(uri: "/v1/explain?a=w1&b=nothing", method: .get) { response in
                #expect(response.status == .notFound)
                let decoded = try decode(APIError.self, response)
                #expect(decoded.detail == "no article nothing")
            }
            try await client.execute(uri: "/v1/explain", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func theStreamTellsCreatedAndJoinedEventsAsTheyHappen() async throws {
        let server = try Server()
        try await server.app.test(.router) { client in
            async let streamed: String = client.execute(uri: "/v1/stream?max=3", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/event-stream") == true)
                return String(decoding: response.body.readableBytesView, as: UTF8.self)
            }
            while server.hub.count < 1 { try await Task.sleep(for: .milliseconds(5)) }
            try await client.execute(
                uri: "/v1/articles", method: .post, headers: Self.jsonHeaders, body: Self.json(Self.records)
            ) { #expect($0.status == .ok) }
            let text = try await streamed
            let kinds = text.split(separator: "\n").filter { $0.hasPrefix("event: ") }.map { $0.dropFirst(7) }
            #expect(kinds == ["created", "joined", "created"])
            #expect(text.contains(#""article":"w2""#))
            #expect(text.contains("id: \(server.hub.run)-1\n") && text.contains("id: \(server.hub.run)-3\n"))
        }
        // The listener is gone once its stream closed.
        #expect(server.hub.count == 0)
    }

    @Test func aQuietStreamSaysItIsAlive() async throws {
        let server = try Server(heartbeat: .milliseconds(20))
        try await server.app.test(.router) { client in
            async let streamed: String = client.execute(uri: "/v1/stream?max=1", method: .get) { response in
                String(decoding: response.body.readableBytesView, as: UTF8.self)
            }
            while server.hub.count < 1 { try await Task.sleep(for: .milliseconds(5)) }
            // Ten heartbeats of silence, then one message: the stream ends after it (comments do not count).
            try await Task.sleep(for: .milliseconds(200))
            try await client.execute(
                uri: "/v1/articles", method: .post, headers: Self.jsonHeaders, body: Self.json([Self.records[0]])
            ) { #expect($0.status == .ok) }
            let text = try await streamed
            let blocks = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(blocks.first == ": concord event stream")
            #expect(blocks.dropFirst().first == ": keep-alive")
            #expect(blocks.last?.hasPrefix("id: \(server.hub.run)-1\nevent: created\n") == true, "\(text)")
            // Every block but the message is a comment a client ignores.
            #expect(blocks.dropLast().allSatisfy { $0.hasPrefix(": ") })
        }
        #expect(server.hub.count == 0)
    }

    /// The stream's messages as (event, id, data) triples, comments left out.
    static func messages(_ text: String) -> [(event: String, id: String, data: String)] {
        text.components(separatedBy: "\n\n").compactMap { block in
            var fields: [String: String] = [:]
            for line in block.split(separator: "\n") where !line.hasPrefix(":") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon])] = String(line[line.index(after: colon)...].dropFirst())
            }
            guard let event = fields["event"] else { return nil }
            return (event, fields["id"] ?? "", fields["data"] ?? "")
        }
    }

    @Test func whatARecordHeldButCouldNotBeReadIsSaid() async throws {
        let server = try Server()
        try await server.app.test(.router) { client in
            let odd = [
                "id": "o1", "title": "Ferry strike in Avonbridge", "published": "2025-13-27", "lang": "<b",
                "text": "Ferry crews in Avonbridge went on strike on Friday.",
            ]
            try await client.execute(
                uri: "/v1/articles", method: .post, headers: Self.jsonHeaders, body: Self.json([odd])
            ) { response in
                let reply = try decode(Reply.self, response)
                #expect(reply.results.first?.status == "ingested")
                let warnings = reply.results.first?.warnings ?? []
                #expect(warnings.count == 2, "\(warnings)")
                #expect(warnings.contains { $0.hasPrefix("unreadable date \"2025-13-27\"") })
                #expect(warnings.contains { $0.hasPrefix("unreadable language \"<b\"") })
            }
        }
    }

    /// Posts the three records (three messages: created, joined, created), then reads `/v1/stream` as a client
    /// that reconnects with `lastEventID` (nil: none), and returns the text streamed.
    static func resumed(
        _ client: any TestClientProtocol, uri: String, lastEventID: String?, postFirst: Bool = true
    ) async throws -> String {
        if postFirst {
            try await client.execute(
                uri: "/v1/articles", method: .post, headers: jsonHeaders, body: json(records)
            ) { #expect($0.status == .ok) }
        }
        let name = try #require(HTTPFields.Element.Name("Last-Event-ID"))
        let headers: HTTPFields = lastEventID.map { [name: $0] } ?? [:]
        return try await client.execute(uri: uri, method: .get, headers: headers) {
            String(decoding: $0.body.readableBytesView, as: UTF8.self)
        }
    }

    @Test func aReconnectingListenerGetsWhatItMissed() async throws {
        let server = try Server()
        try await server.app.test(.router) { client in
            // It saw the first message, then lost the connection; EventSource sends that message's id back.
            let run = server.hub.run
            let got = Self.messages(try await Self.resumed(client, uri: "/v1/stream?max=2", lastEventID: "\(run)-1"))
            #expect(got.map(\.id) == ["\(run)-2", "\(run)-3"])
            #expect(got.map(\.event) == ["joined", "created"])
            // The same through the query parameter, for clients that cannot set headers: nothing after the last.
            try await client.execute(
                uri: "/v1/articles", method: .post, headers: Self.jsonHeaders,
                body: Self.json([
                    ["id": "w9", "title": "Orchard frost in Tallin Vale", "text": "Frost hit the orchards."]
                ])
            ) { #expect($0.status == .ok) }
            let more = try await Self.resumed(
                client, uri: "/v1/stream?max=1&lastEventId=\(run)-3", lastEventID: nil, postFirst: false)
            #expect(Self.messages(more).map(\.id) == ["\(run)-4"])
        }
    }

    @Test func aResumeFromTooFarBackSaysWhatWasLost() async throws {
        // The hub keeps two messages; the three records make three.
        let server = try Server(streamBuffer: 2)
        try await server.app.test(.router) { client in
            let run = server.hub.run
            let text = try await Self.resumed(client, uri: "/v1/stream?max=3", lastEventID: "\(run)-0")
            let got = Self.messages(text)
            #expect(got.map(\.event) == ["reset", "joined", "created"], "\(text)")
            #expect(got.map(\.id) == ["\(run)-1", "\(run)-2", "\(run)-3"])
            #expect(got.first?.data.contains(#""missed":1"#) == true)
        }
    }

    @Test func anIdFromAnotherRunIsAResetNotAReplay() async throws {
        let server = try Server()
        try await server.app.test(.router) { client in
            let run = server.hub.run
            // An id of a server that ran before this one (its numbering is not this run's), and one that is not
            // an id at all: neither replays anything; each says the client should fetch again.
            for (i, stale) in ["0000beef-2", "\(run)-99", "yesterday"].enumerated() {
                let text = try await Self.resumed(
                    client, uri: "/v1/stream?max=1", lastEventID: stale, postFirst: i == 0)
                let got = Self.messages(text)
                #expect(got.map(\.event) == ["reset"], "\(stale): \(text)")
                #expect(got.first?.id == "\(run)-3")
                #expect(got.first?.data.contains("missed") == false)
            }
        }
    }

    @Test func closingTheHubEndsEveryStream() async throws {
        let hub = StreamHub()
        let stream = hub.subscribe().messages
        hub.close()
        var n = 0
        for await _ in stream { n += 1 }
        #expect(n == 0)
        #expect(hub.count == 0)
        // After close, a new listener's stream ends at once.
        for await _ in hub.subscribe().messages { n += 1 }
        #expect(n == 0)
    }

    @Test func metricsCountRequestsByRoute() async throws {
        let server = try Server()
        try await server.app.test(.router) { client in
            for _ in 0..<3 { try await client.execute(uri: "/v1/events/ev-none", method: .get) { _ in } }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(decoding: response.body.readableBytesView, as: UTF8.self)
                #expect(
                    text.contains(#"concord_http_requests_total{route="/v1/events/{id}",method="GET",status="404"} 3"#),
                    "\(text)")
                #expect(text.contains("concord_http_request_duration_seconds_bucket"))
                #expect(text.contains("concord_ingest_queue_depth 0"))
                #expect(text.contains("concord_stored_events 0"))
            }
        }
    }

    @Test func keptReadsAreNeverStale() async throws {
        let server = try Server()
        _ = try await server.ingest.ingest(.init(records: [Self.inputRecord(Self.records[0])], rejected: []))
        struct Page: Decodable {
            struct Event: Decodable {
                var id: String
                var articleCount: Int
            }
            var events: [Event]
            var total: Int
        }
        try await server.app.test(.router) { client in
            func page() async throws -> Page {
                try await client.execute(uri: "/v1/events?limit=10", method: .get) { try decode(Page.self, $0) }
            }
            let first = try await page()
            #expect(try await page().events.map(\.id) == first.events.map(\.id))
            #expect(server.cache.counts.hits == 1, "the second read came from the cache")
            // A join changes the event: the next read shows it.
            _ = try await server.ingest.ingest(.init(records: [Self.inputRecord(Self.records[1])], rejected: []))
            #expect(try await page().events.map(\.articleCount) == [2])
            // A new event too; and a POST that only repeats stored articles keeps the cache.
            try await client.execute(
                uri: "/v1/articles", method: .post, headers: Self.jsonHeaders, body: Self.json([Self.records[2]])
            ) { #expect($0.status == .ok) }
            #expect(try await page().total == 2)
            let generation = server.cache.generation
            _ = try await server.ingest.ingest(.init(records: [Self.inputRecord(Self.records[2])], rejected: []))
            #expect(server.cache.generation == generation)
            // A 404 is not kept: the event it asked for may come.
            try await client.execute(uri: "/v1/events/ev-none", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/v1/events/ev-none", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func theCacheKeepsItsBound() {
        let cache = ResponseCache(maxBytes: 1_000, maxEntryBytes: 400)
        for i in 0..<20 { _ = cache.body("k\(i)") { ByteBuffer(repeating: 0, count: 100) } }
        #expect(cache.state.withLock { $0.bytes } <= 1_000)
        // The newest answers stay.
        _ = cache.body("k19") { ByteBuffer(repeating: 1, count: 100) }
        #expect(cache.counts.hits == 1)
        // An answer over the entry bound is given but not kept.
        _ = cache.body("big") { ByteBuffer(repeating: 0, count: 500) }
        #expect(cache.state.withLock { $0.entries["big"] } == nil)
    }

    @Test func unknownRoutesAreJSON404s() async throws {
        let server = try Server()
        try await server.app.test(.router) { client in
            try await client.execute(uri: "/v2/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                let decoded = try decode(APIError.self, response)
                #expect(decoded.error == "not_found")
            }
        }
    }

    /// The paths of the OpenAPI document, with their methods.
    static func documentedRoutes() -> Set<String> {
        var routes: Set<String> = []
        var path: String?
        var inPaths = false
        for line in OpenAPIDocument.yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true } else if !line.hasPrefix(" "), !line.isEmpty { inPaths = false }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                routes.insert(line.trimmingCharacters(in: .whitespaces).dropLast().uppercased() + " " + path)
            }
        }
        return routes
    }

    @Test func theOpenAPIDocumentListsExactlyTheRoutesServed() async throws {
        let documented = Self.documentedRoutes()
        #expect(documented == Set(ConcordRoutes.routes.map { "\($0.method) \($0.path)" }))
        let server = try Server()
        try await server.app.test(.router) { client in
            for route in ConcordRoutes.routes where route.path != "/v1/stream" {
                let uri = route.path.replacingOccurrences(of: "{id}", with: "x")
                let method: HTTPRequest.Method = route.method == "POST" ? .post : .get
                try await client.execute(uri: uri, method: method, headers: Self.jsonHeaders) { response in
                    // Served: any answer but the router's own "no such route".
                    if response.status == .notFound {
                        let error = try decode(APIError.self, response)
                        #expect(!error.detail.contains("no such route"), "\(route) is not served")
                    }
                }
            }
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(String(decoding: response.body.readableBytesView, as: UTF8.self) == OpenAPIDocument.yaml)
            }
        }
    }
}

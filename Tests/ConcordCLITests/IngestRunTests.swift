import Foundation
import Testing

/// `concord ingest` into a fresh SQLite store, read back through `events`, `event` and `explain`.
@Suite struct IngestRunTests {
    /// `Samples/demo/bad.jsonl`: line → the reason printed for it (see Samples/demo/README.md).
    static let expectedRejects: [Int: String] = [
        2: "invalid JSON", 3: "no text", 4: "no text", 5: "no text", 6: "not a JSON object",
    ]

    @Test func badRecordsAreReportedAndTheRestIngested() async throws {
        try await withTemporaryDirectory { dir in
            let store = StoreQueries(directory: dir, db: "bad.sqlite")
            let bad = ConcordProcess.demo("bad.jsonl")
            let (summary, result) = try await store.ingest([bad, "--rejects", "rejects.jsonl"])
            #expect(summary.ingested == 3)
            #expect(summary.rejected == 5)
            #expect(summary.duplicates == 0)
            #expect(summary.read == 8)

            let rejected = result.stderrLines.filter { $0.hasPrefix("rejected: ") }
            #expect(rejected.count == Self.expectedRejects.count, "\(rejected)")
            for (line, reason) in Self.expectedRejects {
                let report = rejected.filter { $0.contains("\(bad):\(line):") || $0.contains("\(bad):\(line) ") }
                #expect(report.count == 1, "line \(line): \(rejected)")
                #expect(report.first?.contains(reason) == true, "line \(line) should say \(reason): \(report)")
            }
            let warnings = result.stderrLines.filter { $0.hasPrefix("warning: ") }
            #expect(
                warnings.count == 1 && warnings[0].contains("\(bad):7") && warnings[0].contains("bad-007"),
                "\(warnings)")

            let file = try String(contentsOf: dir.appendingPathComponent("rejects.jsonl"), encoding: .utf8)
            let lines = try file.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            #expect(lines.compactMap { $0["line"] as? Int }.sorted() == Self.expectedRejects.keys.sorted())

            let events = try await store.events()
            #expect(events.map(\.articleCount).reduce(0, +) == 3)
        }
    }

    @Test func quietKeepsTheCountsButNotTheLines() async throws {
        try await withTemporaryDirectory { dir in
            let store = StoreQueries(directory: dir, db: "quiet.sqlite")
            let (summary, result) = try await store.ingest([ConcordProcess.demo("bad.jsonl"), "--quiet"])
            #expect(summary.rejected == 5 && summary.ingested == 3)
            #expect(!result.stderr.contains("rejected:"), "\(result)")
            #expect(!result.stderr.contains("warning:"), "\(result)")
        }
    }

    @Test(arguments: [("bad.jsonl", 3), ("articles.jsonl", 60)])
    func secondIngestStoresNothingNew(_ file: String, articles: Int) async throws {
        try await withTemporaryDirectory { dir in
            let store = StoreQueries(directory: dir, db: "twice.sqlite")
            let path = ConcordProcess.demo(file)
            let (first, _) = try await store.ingest([path, "--quiet"])
            #expect(first.ingested == articles)
            let before = try await store.eventsJSON()
            let membersBefore = try await store.memberships()

            let (second, _) = try await store.ingest([path, "--quiet"])
            #expect(second.ingested == 0)
            #expect(second.duplicates == first.ingested)
            #expect(second.rejected == first.rejected)
            #expect(second.created == 0 && second.joined == 0)
            #expect(try await store.eventsJSON() == before)
            #expect(try await store.memberships() == membersBefore)
        }
    }

    @Test func languageFilterListsOnlyEventsWithThatLanguage() async throws {
        try await withTemporaryDirectory { dir in
            let store = StoreQueries(directory: dir, db: "vi.sqlite")
            try await store.ingest([ConcordProcess.demo("articles.jsonl"), "--quiet"])
            let all = try await store.events()
            let vi = try await store.events(["--lang", "vi"])
            #expect(!vi.isEmpty)
            #expect(vi.allSatisfy { $0.languages.contains("vi") }, "\(vi.map(\.languages))")
            #expect(Set(vi.map(\.id)) == Set(all.filter { $0.languages.contains("vi") }.map(\.id)))
            for e in vi {
                let detail = try await store.event(e.id)
                #expect(detail.articles.contains { $0.language == "vi" }, "\(e.id) has no vi article")
            }
            // Every Vietnamese article of the corpus is in a listed event.
            let listed = Set(vi.map(\.id))
            for article in try DemoArticle.all() where article.lang == "vi" {
                let explained = try await store.explain([article.id]).json(ExplainOutput.self)
                let event = try #require(explained.articles.first?.event)
                #expect(listed.contains(event), "\(article.id) is in \(event), not listed by --lang vi")
            }
        }
    }

    /// Wire copies of one story are one event.
    @Test func explainSameEvent() async throws {
        try await withTemporaryDirectory { dir in
            let store = StoreQueries(directory: dir, db: "explain.sqlite")
            try await store.ingest([ConcordProcess.demo("articles.jsonl"), "--quiet"])
            let json = try await store.explain(["demo-003", "demo-004"]).json(ExplainOutput.self)
            #expect(json.sameEvent == true)
            #expect(json.articles.map(\.id) == ["demo-003", "demo-004"])
            #expect(json.articles[0].event == json.articles[1].event)
            #expect(json.pairSummary?.hasPrefix("p=") == true)

            let text = try await store.explain(["demo-003", "demo-004"], format: "table").stdout
            #expect(text.contains("demo-003 is in \(json.articles[0].event)"))
            #expect(text.contains("They are one event."))
            #expect(!text.contains("different events"))
            #expect(text.contains("Between the two articles: p="))
        }
    }

    /// The deliberate look-alike pairs of the demo corpus stay apart.
    @Test(arguments: [
        ("demo-001", "demo-007"),  // Castelmare derby 2025 / 2022
        ("demo-011", "demo-016"),  // Abruzzo earthquakes
        ("demo-020", "demo-024"),  // Madrid metro strikes
        ("demo-027", "demo-031"),  // Hanoi / Bangkok visits
        ("demo-034", "demo-038"),  // ECB December / January
    ])
    func explainLookAlikes(_ a: String, _ b: String) async throws {
        try await withTemporaryDirectory { dir in
            let store = StoreQueries(directory: dir, db: "lookalike.sqlite")
            try await store.ingest([ConcordProcess.demo("articles.jsonl"), "--quiet"])
            let json = try await store.explain([a, b]).json(ExplainOutput.self)
            #expect(json.sameEvent == false)
            #expect(json.articles.count == 2 && json.articles[0].event != json.articles[1].event)
            let text = try await store.explain([a, b], format: "table").stdout
            #expect(text.contains("They are different events."), "\(text)")
            #expect(!text.contains("They are one event."))
        }
    }
}

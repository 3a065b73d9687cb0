import Foundation
import Testing

/// An ingest killed with SIGKILL mid-way, then run again, ends in the state of one clean ingest.
///
/// The hidden `--hang-after-batches` option stops the ingest still after a number of committed batches,
/// so the test can watch the store fill (through `concord events`) and kill the process there, however
/// slow the machine: no race on wall-clock timing.
@Suite(.serialized) struct CrashRecoveryTests {
    /// Where to kill: once at least `killAfter` articles are visible in the store.
    struct KillPoint: Sendable, CustomTestStringConvertible {
        /// The first `articles` records of the demo corpus are ingested.
        var articles = 60
        var killAfter: Int
        var batchSize: Int
        var embedding = false
        /// The ingest stops still after the batch that brings the store to `killAfter` articles.
        var hangAfterBatches: Int { (killAfter + batchSize - 1) / batchSize }
        var testDescription: String {
            "kill after \(killAfter) of \(articles) articles (batches of \(batchSize)\(embedding ? ", embedded" : ""))"
        }

        /// Some articles committed, most not.
        static let early = KillPoint(killAfter: 1, batchSize: 4)
        /// Past the middle of the stream.
        static let late = KillPoint(killAfter: 24, batchSize: 4)
        /// Near the end: a few articles left.
        static let nearTheEnd = KillPoint(killAfter: 52, batchSize: 4)
        /// With the dense encoder (slow in debug, so on the two derbies and the two earthquakes only):
        /// the embeddings read back from the store must place the rest as the clean run did.
        static let embedded = KillPoint(articles: 19, killAfter: 1, batchSize: 4, embedding: true)
    }

    @Test(arguments: [KillPoint.early, .late, .nearTheEnd, .embedded])
    func killedIngestResumesToTheCleanState(_ point: KillPoint) async throws {
        try await withTemporaryDirectory { dir in
            let input = try Self.writeInput(articles: point.articles, in: dir)
            let total = point.articles

            // (a) The reference: one clean ingest.
            let clean = StoreQueries(directory: dir, db: "clean.sqlite", embedding: point.embedding)
            // Batches decide against the store as it was before them: every run uses the same batches.
            let batching = ["--batch-size", String(point.batchSize)]
            let (reference, _) = try await clean.ingest([input, "--quiet"] + batching)
            try #require(reference.ingested == total)

            // (b) The same ingest, killed once `killAfter` articles are committed.
            let crashed = StoreQueries(directory: dir, db: "crashed.sqlite", embedding: point.embedding)
            let running = try ConcordProcess.start(
                [
                    "ingest", input, "--db", crashed.db, "--quiet", "--format", "json",
                    "--batch-size", String(point.batchSize), "--hang-after-batches", String(point.hangAfterBatches),
                ]
                    + crashed.modelArguments,
                in: dir)
            while running.isRunning {
                if try await Self.storedArticles(crashed) >= point.killAfter { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            if running.isRunning { running.sendSIGKILL() }
            let killed = try await running.finish()
            try #require(
                killed.killedBySignal && killed.status == SIGKILL,
                "the ingest ended before it was killed: \(killed)")
            #expect(killed.stdout.isEmpty, "a killed ingest printed its summary")
            let atKill = try await crashed.events()
            let storedAtKill = atKill.map(\.articleCount).reduce(0, +)
            #expect(storedAtKill >= point.killAfter)
            #expect(storedAtKill < total, "killed after every article was committed")
            #expect(storedAtKill % point.batchSize == 0, "a batch was stored in part")

            // (c) Run the same ingest again, without the delay, to the end.
            let (resumed, _) = try await crashed.ingest([input, "--quiet"] + batching)
            #expect(resumed.duplicates == storedAtKill)
            #expect(resumed.ingested == total - storedAtKill)
            #expect(resumed.events == reference.events)

            // (d) Same events, same members, no article twice.
            let cleanEvents = try await clean.eventsJSON()
            #expect(try await crashed.eventsJSON() == cleanEvents)
            let cleanMembers = try await clean.memberships()
            let crashedMembers = try await crashed.memberships()
            let differing = Set(cleanMembers.keys).union(crashedMembers.keys)
                .filter { cleanMembers[$0] != crashedMembers[$0] }.sorted()
            #expect(
                differing.isEmpty,
                """
                events differ after the resumed ingest: \(differing.map {
                    "\($0): clean \(cleanMembers[$0] ?? []), resumed \(crashedMembers[$0] ?? [])"
                }.joined(separator: "; "))
                """)
            let members = crashedMembers.values.flatMap { $0 }
            #expect(members.count == total, "articles stored twice or lost")
            #expect(Set(members).count == total)
            for e in try await crashed.events() {
                let detail = try await crashed.event(e.id)
                #expect(detail.summary == e)
                #expect(detail.articles.count == e.articleCount)
            }
        }
    }

    /// SIGINT (or SIGTERM) finishes the batch in flight, prints the summary and exits with 128 + the signal;
    /// the same command run again finishes the rest.
    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedIngestStopsAfterItsBatchAndResumes(_ signal: Int32) async throws {
        try await withTemporaryDirectory { dir in
            let input = try Self.writeInput(articles: 40, in: dir)
            let clean = StoreQueries(directory: dir, db: "clean.sqlite")
            _ = try await clean.ingest([input, "--quiet", "--batch-size", "4"])
            let store = StoreQueries(directory: dir, db: "stopped.sqlite")
            let running = try ConcordProcess.start(
                [
                    "ingest", input, "--db", store.db, "--quiet", "--format", "json", "--batch-size", "4",
                    "--hang-after-batches", "1",
                ] + store.modelArguments, in: dir)
            while running.isRunning, try await Self.storedArticles(store) < 4 {
                try await Task.sleep(for: .milliseconds(100))
            }
            running.send(signal)
            let stopped = try await running.finish()
            #expect(!stopped.killedBySignal)
            #expect(stopped.status == 128 + signal, "\(stopped)")
            let summary = try stopped.json(IngestOutput.self).summary
            #expect(summary.ingested % 4 == 0 && summary.ingested < 40)
            #expect(stopped.stderr.contains("run the same command again"))
            #expect(try await Self.storedArticles(store) == summary.ingested)
            let (rest, _) = try await store.ingest([input, "--quiet", "--batch-size", "4"])
            #expect(rest.ingested == 40 - summary.ingested)
            #expect(try await store.memberships() == clean.memberships())
        }
    }

    /// Writes the first `articles` lines of the demo corpus to `input.jsonl` in `directory`.
    static func writeInput(articles: Int, in directory: URL) throws -> String {
        let lines = try String(contentsOf: DemoArticle.demoArticles, encoding: .utf8).split(separator: "\n")
        try #require(lines.count >= articles)
        let url = directory.appendingPathComponent("input.jsonl")
        try (lines.prefix(articles).joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Articles visible in the store; 0 while the store is missing or busy.
    static func storedArticles(_ store: StoreQueries) async throws -> Int {
        let result = try await ConcordProcess.run(
            ["events", "--db", store.db, "--format", "json", "--limit", "100000"], in: store.directory)
        guard result.succeeded, let events = try? result.json([EventListing].self) else { return 0 }
        return events.map(\.articleCount).reduce(0, +)
    }
}

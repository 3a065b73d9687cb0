import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `concord serve` as a real process on loopback: crash safety, one writer, graceful stop.
@Suite(.serialized) struct ServeProcessTests {
    /// A running server and the address it listens on.
    struct Server {
        var process: RunningProcess
        var base: URL

        /// Starts `concord serve` on a free port and waits until it listens.
        static func start(_ db: String, extra: [String] = [], in dir: URL) async throws -> Server {
            let process = try ConcordProcess.start(
                ["serve", "--db", db, "--port", "0", "--no-embedding", "--log-level", "warning"] + extra, in: dir)
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(60)
            while clock.now < deadline {
                let err = (try? String(contentsOf: process.stderrFile, encoding: .utf8)) ?? ""
                if let range = err.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
                    let url = URL(string: String(err[range]))
                {
                    return Server(process: process, base: url)
                }
                if !process.isRunning { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            let output = try await { () async throws -> ProcessOutput in
                if process.isRunning { process.sendSIGKILL() }
                return try await process.finish()
            }()
            Issue.record("the server did not start: \(output)")
            throw CancellationError()
        }

        /// POSTs NDJSON lines; the status and the body.
        func post(_ lines: [Substring]) async throws -> (Int, Data) {
            var request = URLRequest(url: base.appendingPathComponent("v1/articles"))
            request.httpMethod = "POST"
            request.setValue("application/x-ndjson", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data((lines.joined(separator: "\n") + "\n").utf8)
            request.timeoutInterval = 120
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        }

        func get(_ path: String) async throws -> (Int, Data) {
            let url = try #require(URL(string: base.absoluteString + path))
            let (data, response) = try await URLSession.shared.data(from: url)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        }
    }

    struct Totals: Decodable {
        struct T: Decodable {
            var ingested: Int
            var duplicates: Int
        }
        var totals: T
    }

    /// A server killed with SIGKILL in the middle of a POST, restarted and sent everything again, ends in
    /// the state of one clean `concord ingest` of the same records in the same batches.
    @Test func aServerKilledMidPostResumesToTheCleanState() async throws {
        try await withTemporaryDirectory { dir in
            let total = 48
            let chunk = 16  // per POST: four batches of 4
            let input = try CrashRecoveryTests.writeInput(articles: total, in: dir)
            let lines = try String(contentsOfFile: input, encoding: .utf8).split(separator: "\n")

            // (a) The reference: one clean ingest by the CLI, in batches of 4.
            let clean = StoreQueries(directory: dir, db: "clean.sqlite")
            let (reference, _) = try await clean.ingest([input, "--quiet", "--batch-size", "4"])
            try #require(reference.ingested == total)

            // (b) A server that stops still after the first batch of the second POST, killed there.
            let crashed = StoreQueries(directory: dir, db: "served.sqlite")
            let server = try await Server.start(
                crashed.db, extra: ["--batch-size", "4", "--hang-after-batches", "5"], in: dir)
            let (status, _) = try await server.post(lines[0..<chunk].map { $0 })
            #expect(status == 200)
            let second = Task { try? await server.post(lines[chunk..<2 * chunk].map { $0 }) }
            while try await CrashRecoveryTests.storedArticles(crashed) < chunk + 4 {
                try await Task.sleep(for: .milliseconds(50))
            }
            server.process.sendSIGKILL()
            _ = await second.value
            let killed = try await server.process.finish()
            #expect(killed.killedBySignal)
            let atKill = try await CrashRecoveryTests.storedArticles(crashed)
            #expect(atKill > chunk && atKill < 2 * chunk, "the kill did not land inside the second POST")
            #expect(atKill % 4 == 0, "a batch was stored in part")

            // (c) Restart; send everything again, in the same POSTs.
            let again = try await Server.start(crashed.db, extra: ["--batch-size", "4"], in: dir)
            var ingested = 0
            var duplicates = 0
            for start in stride(from: 0, to: total, by: chunk) {
                let (status, body) = try await again.post(lines[start..<start + chunk].map { $0 })
                #expect(status == 200)
                let t = try JSONDecoder().decode(Totals.self, from: body).totals
                ingested += t.ingested
                duplicates += t.duplicates
            }
            #expect(duplicates == atKill)
            #expect(ingested == total - atKill)
            again.process.send(SIGTERM)
            let stopped = try await again.process.finish()
            #expect(!stopped.killedBySignal && stopped.status == 0, "\(stopped)")

            // (d) The same events with the same members as the clean ingest; no article twice or lost.
            #expect(try await crashed.eventsJSON() == clean.eventsJSON())
            let members = try await crashed.memberships()
            #expect(members == (try await clean.memberships()))
            #expect(members.values.flatMap { $0 }.count == total)
        }
    }

    /// SIGTERM during a POST: the request in flight finishes (every batch of it committed and answered),
    /// then the server exits 0.
    @Test func sigtermFinishesThePostInFlight() async throws {
        try await withTemporaryDirectory { dir in
            let input = try CrashRecoveryTests.writeInput(articles: 16, in: dir)
            let lines = try String(contentsOfFile: input, encoding: .utf8).split(separator: "\n")
            let store = StoreQueries(directory: dir, db: "graceful.sqlite")
            let server = try await Server.start(
                store.db, extra: ["--batch-size", "4", "--commit-delay-ms", "300"], in: dir)
            let post = Task { try await server.post(lines.map { $0 }) }
            while try await CrashRecoveryTests.storedArticles(store) < 4 {
                try await Task.sleep(for: .milliseconds(50))
            }
            server.process.send(SIGTERM)
            let (status, body) = try await post.value
            let stopped = try await server.process.finish()
            #expect(status == 200)
            #expect(try JSONDecoder().decode(Totals.self, from: body).totals.ingested == 16)
            #expect(!stopped.killedBySignal && stopped.status == 0, "\(stopped)")
            #expect(try await CrashRecoveryTests.storedArticles(store) == 16)
        }
    }

    /// SIGTERM with a client on the live stream: the stream is closed and the server stops (a stream must
    /// not hold the stop up).
    @Test func sigtermClosesLiveStreamsAndStops() async throws {
        try await withTemporaryDirectory { dir in
            let server = try await Server.start("streamed.sqlite", in: dir)
            let listening = Task { try? await server.get("/v1/stream") }
            var listeners = 0
            for _ in 0..<200 where listeners == 0 {
                let (_, metrics) = try await server.get("/metrics")
                if String(decoding: metrics, as: UTF8.self).contains("concord_stream_listeners 1") { listeners = 1 }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(listeners == 1, "the client did not connect to the stream")
            server.process.send(SIGTERM)
            let stopped = try await server.process.finish()
            #expect(!stopped.killedBySignal && stopped.status == 0, "\(stopped)")
            let answer = await listening.value
            #expect(answer?.0 == 200)
        }
    }

    /// While a server holds a store, `concord ingest` into it refuses at once and names the server.
    @Test func ingestRefusesWhileAServerHoldsTheStore() async throws {
        try await withTemporaryDirectory { dir in
            let input = try CrashRecoveryTests.writeInput(articles: 4, in: dir)
            let server = try await Server.start("held.sqlite", in: dir)
            let refused = try await ConcordProcess.run(
                ["ingest", input, "--db", "held.sqlite", "--no-embedding", "--quiet"], in: dir)
            server.process.send(SIGTERM)
            let stopped = try await server.process.finish()
            #expect(!refused.succeeded)
            #expect(refused.stderr.contains("concord serve on http://"), "\(refused)")
            #expect(refused.stderr.contains("POST /v1/articles"))
            #expect(stopped.status == 0 && !stopped.killedBySignal, "\(stopped)")
            #expect(stopped.stderr.contains("stopped"))
        }
    }

    /// Without a token, the server refuses an address other than loopback; with one it needs the token.
    @Test func aPublicAddressNeedsAToken() async throws {
        try await withTemporaryDirectory { dir in
            let refused = try await ConcordProcess.run(
                ["serve", "--db", "open.sqlite", "--host", "0.0.0.0", "--port", "0", "--no-embedding"], in: dir)
            #expect(!refused.succeeded)
            #expect(refused.stderr.contains("without a token"), "\(refused)")
            let tokenFile = dir.appendingPathComponent("token").path
            try "t0ken\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
            let input = try CrashRecoveryTests.writeInput(articles: 2, in: dir)
            let lines = try String(contentsOfFile: input, encoding: .utf8).split(separator: "\n")
            let server = try await Server.start("guarded.sqlite", extra: ["--token-file", tokenFile], in: dir)
            let (status, _) = try await server.post(lines)
            #expect(status == 401)
            let (health, _) = try await server.get("/healthz")
            #expect(health == 200)
            server.process.send(SIGINT)
            _ = try await server.process.finish()
        }
    }
}

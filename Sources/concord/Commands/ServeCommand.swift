import ArgumentParser
import ConcordEngine
import ConcordServer
import Foundation
import Hummingbird
import Logging

/// `concord serve`: the engine as a long-running HTTP service.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a store over HTTP: web pages for people, a JSON API for programs, ingest by POST.",
        discussion: """
            The server holds the store's one resident engine: while it runs, `concord ingest` into the same \
            store refuses and names the server (POST the articles to it instead). Pages: / (events, live), \
            /events/{id}, /articles/{id}. API: \
            POST /v1/articles (JSON array or NDJSON records), GET /v1/events (q, lang, entity, since, until, \
            limit, cursor), /v1/events/{id}, /v1/articles/{id}, /v1/explain?a=&b=, /v1/stats, /v1/stream \
            (server-sent events), /openapi.yaml (the contract), /metrics (Prometheus), /healthz. Errors are \
            JSON {"error", "detail"}. Writes need `Authorization: Bearer TOKEN` when a token is set \
            (--token-file, or $CONCORD_TOKEN); without one the server listens on loopback only. SIGINT or \
            SIGTERM stops it gracefully: requests in flight finish and their batches are committed.
              concord serve --db demo.sqlite --port 8080
              curl 'http://127.0.0.1:8080/v1/events?q=derby&limit=5'
              curl -H 'Content-Type: application/x-ndjson' --data-binary @new.jsonl \\
                http://127.0.0.1:8080/v1/articles
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var models: ModelOptions
    @OptionGroup var tuning: TuningOptions
    @Option(name: .long, help: "Address to listen on (one other than loopback needs a token).") var host = "127.0.0.1"
    @Option(name: .long, help: "Port to listen on (0: any free port, printed at start).") var port = 8080
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A file whose first line is the bearer token writes need (default: $CONCORD_TOKEN).", valueName: "file"))
    var tokenFile: String?
    @Option(name: .long, help: "Records per batch (clustered together, committed in one transaction).")
    var batchSize = 256
    @Option(name: .long, help: "The most records one POST may carry.") var maxRecords = 5_000
    @Option(name: .long, help: "The largest POST body, in megabytes.") var maxBodyMb = 16
    @Option(name: .long, help: "POST requests that may wait or run at once; more are answered 503.")
    var maxQueued = 8
    @Option(
        name: .long,
        help: "Megabytes of rendered reads kept until the next commit (0: render every read anew).")
    var cacheMb = 64
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Seconds without a message after which GET /v1/stream writes a keep-alive comment.", valueName: "seconds"))
    var heartbeat = 15.0
    @Option(name: .long, help: "Log level of the request log on stderr (trace, debug, info, notice, warning, error).")
    var logLevel = "info"
    @OptionGroup var crashTest: CrashTestOptions

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port must be from 0 to 65535") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
        if maxRecords < 1 { throw ValidationError("--max-records must be at least 1") }
        if !(1...1_024).contains(maxBodyMb) { throw ValidationError("--max-body-mb must be from 1 to 1024") }
        if !(0...65_536).contains(cacheMb) { throw ValidationError("--cache-mb must be from 0 to 65536") }
        if maxQueued < 1 { throw ValidationError("--max-queued must be at least 1") }
        if !(heartbeat >= 0.01 && heartbeat <= 3_600) {
            throw ValidationError("--heartbeat must be from 0.01 to 3600 seconds")
        }
        if Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    /// The token from --token-file or $CONCORD_TOKEN; nil when neither is given.
    func token() throws -> String? {
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw CommandError("cannot read the token file \(tokenFile)")
            }
            let token = text.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !token.isEmpty else { throw CommandError("the token file \(tokenFile) is empty") }
            return token
        }
        if let token = ProcessInfo.processInfo.environment["CONCORD_TOKEN"], !token.isEmpty { return token }
        return nil
    }

    func run() async throws {
        let token = try token()
        if token == nil, !ConcordServer.isLoopback(host) {
            throw CommandError(
                "refusing to listen on \(host) without a token: anyone who reaches it could write to the store; "
                    + "set one with --token-file FILE or CONCORD_TOKEN, or listen on 127.0.0.1")
        }
        let lock: WriterLock
        do {
            lock = try WriterLock(
                storePath: store.path,
                holder: "concord serve on http://\(host):\(port); POST /v1/articles to it to add articles")
        } catch { throw CommandError("\(error)") }
        defer { withExtendedLifetime(lock) {} }
        let db = try store.open()
        let engine = try models.engine(store: db, tuning: tuning, batchSize: batchSize)
        do { try engine.checkEmbeddingMode() } catch { throw CommandError("\(error)") }

        var options = ServerOptions(token: token)
        options.maxRecords = maxRecords
        options.maxBodyBytes = maxBodyMb << 20
        options.heartbeat = .milliseconds(Int64((heartbeat * 1_000).rounded()))
        options.clustering = engine.configuration.clustering
        var logger = Logger(label: "concord.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let path = store.path
        let writes = token == nil ? "writes open (loopback only)" : "writes need the bearer token"
        try await ConcordServer.run(
            store: db, engine: engine, options: options, host: host, port: port, logger: logger,
            maxQueued: maxQueued, cacheBytes: cacheMb << 20, pause: crashTest.delay,
            hangAfterBatches: crashTest.hangAfterBatches
        ) { host, port in
            Console.error("concord: serving \(path) on http://\(host):\(port) (\(writes); Ctrl-C stops)")
        }
        Console.error("concord: stopped; every accepted batch is committed")
    }
}

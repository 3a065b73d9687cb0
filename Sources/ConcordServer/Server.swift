import ConcordEngine
import ConcordStore
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `concord serve` assembled: the routes over a store, its resident engine, the live stream, metrics, and
/// a graceful stop.
public enum ConcordServer {
    /// Whether `host` only listens on this machine.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// Runs the server until SIGINT or SIGTERM, then stops it gracefully: live streams closed first, then no
    /// new connections, and the requests in flight finished (their batches committed).
    public static func run(
        store: any EventStore, engine: Engine?, options: ServerOptions, host: String, port: Int,
        logger: Logger, maxQueued: Int = 8, cacheBytes: Int = 64 << 20, pause: Duration = .zero,
        hangAfterBatches: Int? = nil, listening: @escaping @Sendable (String, Int) -> Void = { _, _ in }
    ) async throws {
        let hub = StreamHub()
        let app = application(
            store: store, engine: engine, options: options, host: host, port: port, logger: logger,
            maxQueued: maxQueued, cacheBytes: cacheBytes, pause: pause, hangAfterBatches: hangAfterBatches, hub: hub,
            listening: listening)
        // A service group stops its services last to first: the streams' closer before the server, whose
        // stop waits for every open connection (a live stream's too).
        let group = ServiceGroup(
            configuration: .init(
                services: [app, StreamCloser(hub: hub)], gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }

    /// The application (without signal handling: ``run(store:engine:options:host:port:logger:maxQueued:cacheBytes:pause:listening:)``
    /// adds it, and closes `hub`'s streams before the server stops).
    ///
    /// - Parameters:
    ///   - engine: the store's writer (the caller holds the store's ``WriterLock``); nil serves reads only.
    ///   - cacheBytes: the bound of the cache of rendered reads; 0 renders every read anew.
    ///   - pause: a sleep after each committed batch, for crash tests.
    ///   - listening: called with the address and port once the server listens (the port the system chose,
    ///     for port 0).
    public static func application(
        store: any EventStore, engine: Engine?, options: ServerOptions, host: String, port: Int,
        logger: Logger, maxQueued: Int = 8, cacheBytes: Int = 64 << 20, pause: Duration = .zero,
        hangAfterBatches: Int? = nil, hub: StreamHub = StreamHub(),
        listening: @escaping @Sendable (String, Int) -> Void = { _, _ in }
    ) -> some ApplicationProtocol {
        let cache = cacheBytes > 0 ? ResponseCache(maxBytes: cacheBytes) : nil
        let ingest = engine.map {
            IngestService(
                engine: $0, hub: hub, cache: cache, maxQueued: maxQueued, pause: pause,
                hangAfterBatches: hangAfterBatches)
        }
        let lookAlikes = LookAlikeFinder(store: store, configuration: options.clustering)
        let router = ConcordRoutes.router(
            store: store, ingest: ingest, hub: hub, cache: cache, options: options, lookAlikes: lookAlikes)
        var app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "concord"),
            onServerRunning: { channel in listening(host, channel.localAddress?.port ?? port) },
            logger: logger)
        // The first event page would otherwise read the corpus statistics its look-alike panel assesses with
        // (seconds on a large store) while a person waits.
        app.addServices(LookAlikeWarmer(finder: lookAlikes, logger: logger))
        return app
    }
}

/// Builds the look-alike finder's assessing state once the server starts, off the request path.
struct LookAlikeWarmer: Service {
    let finder: LookAlikeFinder
    let logger: Logger
    func run() async throws {
        let start = ContinuousClock.now
        do {
            try finder.prepare()
            logger.debug(
                "look-alike statistics ready",
                metadata: ["ms": "\(Int((ContinuousClock.now - start) / .milliseconds(1)))"])
        } catch {
            logger.warning("look-alike statistics not read: \(error)")
        }
        // A service that returns ends its group: this one waits for the server to stop.
        try? await gracefulShutdown()
    }
}

/// Closes the live streams when the server is asked to stop, so their connections end and the stop is not
/// held up by listeners.
struct StreamCloser: Service {
    let hub: StreamHub
    func run() async throws {
        try? await gracefulShutdown()
        hub.close()
    }
}

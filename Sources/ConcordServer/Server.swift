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

    /// The application, ready to `runService()`: SIGINT and SIGTERM stop it gracefully (no new
    /// connections, requests in flight finished and their batches committed, live streams closed).
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
        listening: @escaping @Sendable (String, Int) -> Void = { _, _ in }
    ) -> some ApplicationProtocol {
        let hub = StreamHub()
        let cache = cacheBytes > 0 ? ResponseCache(maxBytes: cacheBytes) : nil
        let ingest = engine.map {
            IngestService(engine: $0, hub: hub, cache: cache, maxQueued: maxQueued, pause: pause)
        }
        let router = ConcordRoutes.router(store: store, ingest: ingest, hub: hub, cache: cache, options: options)
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "concord"),
            services: [StreamCloser(hub: hub)],
            onServerRunning: { channel in listening(host, channel.localAddress?.port ?? port) },
            logger: logger)
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

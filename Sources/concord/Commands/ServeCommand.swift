import ArgumentParser
import ConcordServer
import Foundation
import Hummingbird

/// `concord serve`: a store over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a store over HTTP: its events, articles and counts, as JSON.",
        discussion: """
            GET /healthz, /v1/stats, /v1/events (q, lang, entity, since, until, limit, offset), \
            /v1/events/{id}, /v1/articles/{id}. Errors are JSON {"error", "detail"}. SIGINT or SIGTERM stops \
            the server gracefully. The server reads the store; ingest into it with `concord ingest` meanwhile.
              concord serve --db demo.sqlite --port 8080
              curl 'http://127.0.0.1:8080/v1/events?q=derby&limit=5'
            """)

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Address to listen on.") var host = "127.0.0.1"
    @Option(name: .long, help: "Port to listen on.") var port = 8080

    func validate() throws {
        if !(1...65_535).contains(port) { throw ValidationError("--port must be from 1 to 65535") }
    }

    func run() async throws {
        let db = try store.openExisting()
        let app = Application(
            router: ConcordRoutes.router(store: db),
            configuration: .init(address: .hostname(host, port: port), serverName: "concord"))
        Console.error("concord: serving \(store.path) on http://\(host):\(port) (Ctrl-C stops)")
        try await app.runService()
    }
}

import ConcordEngine
import Foundation
import Testing

/// Fills a store and reads it back through the CLI's own JSON output.
struct StoreQueries {
    var directory: URL
    var db: String
    /// Ingest with the dense encoder. Off by default: in a debug build it embeds about 4 articles a second,
    /// and these tests are about the CLI, not about the encoder.
    var embedding = false

    /// The model options for `ingest` and `cluster`.
    var modelArguments: [String] { embedding ? [] : ["--no-embedding"] }

    /// `concord ingest ARGUMENTS --db DB --format json`; requires success.
    @discardableResult
    func ingest(_ arguments: [String]) async throws -> (IngestOutput.Summary, ProcessOutput) {
        let result = try await ConcordProcess.run(
            ["ingest"] + arguments + modelArguments + ["--db", db, "--format", "json"], in: directory)
        try #require(result.succeeded, "\(result)")
        return (try result.json(IngestOutput.self).summary, result)
    }

    /// The raw `concord events --format json` output, every event.
    func eventsJSON(_ filters: [String] = []) async throws -> String {
        let result = try await ConcordProcess.run(
            ["events", "--db", db, "--format", "json", "--limit", "100000"] + filters, in: directory)
        try #require(result.succeeded, "\(result)")
        return result.stdout
    }

    /// Every event, decoded.
    func events(_ filters: [String] = []) async throws -> [EventListing] {
        try JSONDecoder().decode([EventListing].self, from: Data(try await eventsJSON(filters).utf8))
    }

    /// `concord event ID --format json`.
    func event(_ id: String) async throws -> EventDetailOutput {
        let result = try await ConcordProcess.run(["event", id, "--db", db, "--format", "json"], in: directory)
        try #require(result.succeeded, "\(result)")
        return try result.json()
    }

    /// Event id → sorted member article ids, for every event.
    func memberships() async throws -> [String: [String]] {
        var members: [String: [String]] = [:]
        for e in try await events() { members[e.id] = try await event(e.id).articles.map(\.id).sorted() }
        return members
    }

    /// `concord explain IDS --format json`.
    func explain(_ ids: [String], format: String = "json") async throws -> ProcessOutput {
        let result = try await ConcordProcess.run(["explain"] + ids + ["--db", db, "--format", format], in: directory)
        try #require(result.succeeded, "\(result)")
        return result
    }
}

extension ConcordProcess {
    /// A path under `Samples/demo`.
    static func demo(_ file: String) -> String { demo.appendingPathComponent(file).path }
}

import ConcordEngine
import Foundation

// The JSON the CLI prints, decoded independently of the CLI's own types: these tests pin the output
// contract, so a renamed key fails here rather than silently following the implementation.

/// `concord ingest --format json`.
struct IngestOutput: Decodable {
    struct Summary: Decodable, Equatable {
        var read: Int
        var ingested: Int
        var duplicates: Int
        var rejected: Int
        var joined: Int
        var created: Int
        var merges: Int
        var events: Int
    }
    var summary: Summary
    var store: String
}

/// One element of `concord events --format json`, and the `summary` of `concord event ID --format json`.
struct EventListing: Decodable, Equatable {
    var id: String
    var title: String
    var articleCount: Int
    var sourceCount: Int
    var languages: [String]
    var eventDate: String?
}

/// `concord event ID --format json`.
struct EventDetailOutput: Decodable {
    struct Member: Decodable {
        var id: String
        var language: String
    }
    var summary: EventListing
    var articles: [Member]
}

/// `concord cluster PATH --format json`.
struct ClusterOutput: Decodable {
    struct Event: Decodable {
        var id: String
        var title: String
        var articles: [String]
        var languages: [String]
    }
    var events: [Event]
    var rejected: Int
}

/// `concord explain A [B] --format json`.
struct ExplainOutput: Decodable {
    struct Item: Decodable {
        var id: String
        var event: String
        var decision: String
    }
    var articles: [Item]
    var sameEvent: Bool?
    var pairSummary: String?
}

/// A record of the demo corpus, read by the tests themselves as the source of truth.
struct DemoArticle: Decodable {
    var id: String
    var lang: String
    var cluster: String

    /// Every record of `Samples/demo/articles.jsonl`, in file order.
    static func all() throws -> [DemoArticle] {
        let text = try String(contentsOf: demoArticles, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(DemoArticle.self, from: Data($0.utf8)) }
    }

    static let demoArticles = ConcordProcess.demo.appendingPathComponent("articles.jsonl")
}

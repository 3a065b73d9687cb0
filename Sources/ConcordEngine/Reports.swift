import ConcordCore
import ConcordStore
import Foundation

// The JSON documents Concord prints and serves: one definition for every front end.

/// One event with its articles (`concord event --format json`).
public struct EventDetail: Codable, Sendable {
    public struct Member: Codable, Sendable {
        public var id: String
        public var language: String
        public var published: Date?
        public var source: String?
        public var title: String
        public var entities: [String]
        public var dates: [DateMention]
        public var numbers: [NumberMention]
        public var eventDate: EventDate?
        /// For an article with no date at all: the day and month its text names without a year.
        public var yearlessDay: MonthDay?
        /// The decision that placed it, as `concord explain` says it; its probability and threshold.
        public var decision: String?
        public var probability: Double?
        public var threshold: Double?

        public init(_ a: StoredArticle) {
            id = a.article.id
            language = a.features.language
            published = a.article.published
            source = a.article.source
            title = a.features.title
            entities = a.features.entities.map(\.surface)
            dates = a.features.dates
            numbers = a.features.numbers
            eventDate = a.features.eventDate
            yearlessDay = a.features.yearlessDay
            decision = a.decision?.summary
            probability = a.decision?.assessment?.probability
            threshold = a.decision?.threshold
        }
    }

    public var summary: EventSummary
    public var articles: [Member]

    public init(summary: EventSummary, articles: [Member]) {
        self.summary = summary
        self.articles = articles
    }
}

/// Why articles are where they are (`concord explain --format json`).
public struct ExplainReport: Codable, Sendable {
    public struct Item: Codable, Sendable {
        public var id: String
        public var event: String
        public var decision: String
        public init(id: String, event: String, decision: String) {
            self.id = id
            self.event = event
            self.decision = decision
        }
    }
    public var articles: [Item]
    /// For two articles: whether they are in one event, and the model's assessment of the pair now.
    public var sameEvent: Bool?
    public var pair: SameEventScorer.Assessment?
    public var pairSummary: String?

    /// Explains one or two stored articles: the decision that placed each, and for two, their assessment
    /// with the store's corpus and thresholds (``Engine/assess(_:_:in:configuration:)``).
    public init(_ stored: [StoredArticle], store: any EventStore, configuration: EventClustering.Configuration)
        throws
    {
        articles = stored.map {
            Item(id: $0.article.id, event: $0.eventID.rawValue, decision: $0.decision?.summary ?? "")
        }
        guard stored.count == 2 else { return }
        let assessment = try Engine.assess(
            stored[0].features, stored[1].features, in: store, configuration: configuration)
        sameEvent = stored[0].eventID == stored[1].eventID
        pair = assessment
        pairSummary =
            "p=\(Explanation.format(assessment.probability, digits: 3)) (threshold "
            + "\(Explanation.format(assessment.threshold, digits: 3)), \(assessment.signals.languagePair)): "
            + Explanation.carriers(assessment)
    }
}

/// One scored pair (`concord compare --format json`).
public struct ComparedPair: Codable, Sendable {
    public var pairID: String
    public var score: Double?
    public var threshold: Double?
    public var languagePair: String?
    public var contributions: [String: Double]?
    public var explanation: String?

    public init(pairID: String, assessment a: SameEventScorer.Assessment?) {
        self.pairID = pairID
        score = a?.probability
        threshold = a?.threshold
        languagePair = a?.signals.languagePair
        contributions = a?.contributions
        explanation = a.map(Explanation.carriers)
    }
}

/// The events of an in-memory run (`concord cluster --format json`).
public struct ClusterOutput: Codable, Sendable {
    public struct Event: Codable, Sendable {
        public var id: String
        public var title: String
        public var articles: [String]
        public var languages: [String]
        public var eventDate: String?
        public var entities: [String]

        public init(_ pair: (EventSummary, [String])) {
            id = pair.0.id.rawValue
            title = pair.0.title
            articles = pair.1
            languages = pair.0.languages
            eventDate = pair.0.eventDate
            entities = pair.0.entities
        }
    }

    public var events: [Event]
    public var rejected: Int

    public init(events: [Event], rejected: Int) {
        self.events = events
        self.rejected = rejected
    }
}

/// A record kept out of an ingest, as written to `--rejects` (one JSON object a line).
public struct RejectLine: Codable, Sendable {
    public var file: String
    public var line: Int
    public var id: String?
    public var reason: String
    public var detail: String?

    public init(_ e: RecordError) {
        file = e.file
        line = e.line
        id = e.id
        reason = e.reason
        detail = e.detail
    }
}

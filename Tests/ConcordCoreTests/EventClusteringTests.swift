import Foundation
import Testing

@testable import ConcordCore

/// Uses the language each fixture declares (core tests run without the fastText model).
struct DeclaredLanguage: LanguageIdentifier {
    func identify(_ text: String) -> LanguageGuess? { nil }
}

enum Fixtures {
    static func records(_ name: String) throws -> [InputRecord] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        let data = try Data(contentsOf: url)
        let decoder = RecordDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).enumerated().map { i, line in
            try decoder.decodeJSON(line, origin: RecordOrigin(file: name, line: i + 1))
        }
    }

    static func features(_ records: [InputRecord]) -> [ArticleFeatures] {
        FeatureExtractor(languageIdentifier: DeclaredLanguage()).features(of: records.map(\.article))
    }
}

@Suite struct EventClusteringTests {
    @Test func lookAlikeEventsStayApart() throws {
        let records = try Fixtures.records("lookalikes.jsonl")
        var state = EventClustering()
        let features = Fixtures.features(records)
        for i in EventClustering.batchOrder(features) {
            _ = state.add(features[i])
            state.checkInvariants()
        }
        _ = state.mergePass()
        state.checkInvariants()
        let gold = Dictionary(uniqueKeysWithValues: records.map { ($0.article.id, $0.goldEvent ?? "") })
        for (id, event) in state.events {
            let golds = Set(event.members.compactMap { gold[$0] })
            #expect(golds.count == 1, "event \(id) mixes gold events \(golds.sorted()): \(event.members)")
        }
    }

    @Test func wireCopiesOfOneStoryAreJoined() throws {
        let records = try Fixtures.records("lookalikes.jsonl")
        var state = EventClustering()
        _ = state.cluster(Fixtures.features(records))
        let score = ClusteringScore(
            gold: Dictionary(uniqueKeysWithValues: records.map { ($0.article.id, $0.goldEvent ?? "") }),
            predicted: state.assignment.mapValues(\.rawValue))
        // Something is joined: the fixtures hold same-language copies of one story.
        #expect(score.pairwise.recall > 0)
        #expect(score.predictedEvents < records.count)
    }

    /// Articles whose embeddings are near each other (cosine 0.95) but that the model keeps apart: the merge
    /// pass consolidates them by average link, unless their event dates conflict.
    @Test func averageLinkConsolidatesFragmentsButNotConflictingDates() {
        func unit(_ x: Float, _ y: Float) -> [Float] {
            var v = [Float](repeating: 0, count: 8)
            let n = (x * x + y * y).squareRoot()
            v[0] = x / n
            v[1] = y / n
            return v
        }
        func article(_ id: String, _ lang: String, _ embedding: [Float], eventDay: Int) -> ArticleFeatures {
            ArticleFeatures(
                articleID: id, language: lang, languageConfidence: 1, published: 20_000 * 86_400 + 36_000,
                source: "s-\(id)", terms: ["\(id)-only": 1], entities: [], numbers: [], dates: [],
                eventDate: EventDate(first: eventDay, last: eventDay, source: .mentioned, evidence: "test"),
                embedding: embedding, contentHash: id, title: id)
        }
        let cos95 = Float(acos(0.95))
        let features = [
            article("a", "en", unit(1, 0), eventDay: 20_000),
            article("b", "fr", unit(cos(cos95), sin(cos95)), eventDay: 20_000),
            // Nearer still (the same embedding as "a"), but its text dates the event six days later.
            article("c", "de", unit(1, 0), eventDay: 20_006),
        ]
        func clustered(averageLink: Double) -> [String: EventID] {
            var configuration = EventClustering.Configuration()
            // The model alone joins nothing here.
            configuration.scorer.thresholdShift = 50
            configuration.averageLinkCosine = averageLink
            var state = EventClustering(configuration: configuration)
            for f in features { _ = state.add(f) }
            _ = state.mergePass()
            state.checkInvariants()
            return state.assignment
        }
        let off = clustered(averageLink: 2)
        #expect(Set(off.values).count == 3)
        let on = clustered(averageLink: 0.9)
        #expect(on["a"] == on["b"], "near embeddings, nothing in conflict: one event")
        #expect(on["c"] != on["a"], "event dates six days apart: kept apart")
        // Below the cosine the two are not merged either.
        #expect(Set(clustered(averageLink: 0.97).values).count == 3)
    }

    /// Two reports in one language, told in the same words, whose embeddings sit below the consolidation's
    /// cosine: the link similarity (``LinkCalibration``), which weighs their wording too, links them at a cut
    /// it reaches; the embedding cosine alone does not.
    @Test func linkSimilarityWeighsWordingBesideEmbeddings() {
        let angle = Float(acos(0.85))
        func article(_ id: String, _ embedding: [Float]) -> ArticleFeatures {
            ArticleFeatures(
                articleID: id, language: "en", languageConfidence: 1, published: 20_000 * 86_400,
                source: "s-\(id)", terms: ["flood": 2, "river": 1, "bridge": 1], entities: [], numbers: [],
                dates: [], eventDate: nil, embedding: embedding, contentHash: id, title: id)
        }
        var x = [Float](repeating: 0, count: 8), y = [Float](repeating: 0, count: 8)
        x[0] = 1
        y[0] = cos(angle)
        y[1] = sin(angle)
        func events(cut: Double?) -> Int {
            var configuration = EventClustering.Configuration()
            configuration.scorer.thresholdShift = 50
            configuration.averageLinkCosine = 0.9
            configuration.streamLinkCut = cut
            var state = EventClustering(configuration: configuration)
            for f in [article("a", x), article("b", y)] { _ = state.add(f) }
            _ = state.mergePass()
            state.checkInvariants()
            return state.events.count
        }
        #expect(events(cut: nil) == 2, "embedding cosine 0.85 < 0.9")
        // Link similarity: 0.5 * (0.85 - 0.8) / 0.2 + 0.5 * 1 = 0.625.
        #expect(events(cut: 0.6) == 1)
        #expect(events(cut: 0.65) == 2)
    }

    /// The TF-IDF weighting options: log-damped counts, and an IDF offset of 0 that gives a term held by every
    /// article no weight at all.
    @Test func termWeightingOptions() {
        func article(_ id: String, _ terms: [String: Float]) -> ArticleFeatures {
            ArticleFeatures(
                articleID: id, language: "en", languageConfidence: 1, published: nil, source: nil, terms: terms,
                entities: [], numbers: [], dates: [], eventDate: nil, embedding: nil, contentHash: id, title: id)
        }
        let a = article("a", ["common": 4, "rare": 1]), b = article("b", ["common": 1])
        func weights(_ change: (inout EventClustering.Configuration) -> Void) -> [Float] {
            var configuration = EventClustering.Configuration()
            change(&configuration)
            var state = EventClustering(configuration: configuration)
            state.observe(b)
            return state.unitVector(state.observe(a)).values
        }
        let plain = weights { _ in }
        let damped = weights { $0.termFrequencyLog = 1 }
        let noOffset = weights { $0.idfOffset = 0 }
        // ids are interned in order of first sight: "common" (from b) first, then "rare".
        #expect(plain.count == 2 && damped.count == 2 && noOffset.count == 2)
        #expect(plain[0] > damped[0], "4 occurrences weigh less once damped")
        #expect(noOffset[0] == 0 && noOffset[1] == 1, "a term in every article carries no weight")
        #expect(plain[0] > 0)
    }

    /// Terms come from the first ``FeatureExtractor/Configuration/maxTermCharacters`` characters of the body.
    @Test func termTextLengthIsItsOwnSetting() {
        let body = String(repeating: "harbour crane strike. ", count: 50) + "zeppelin"
        let article = Article(id: "t", title: "Port", text: body, declaredLanguage: "en")
        func terms(_ characters: Int) -> Set<String> {
            var configuration = FeatureExtractor.Configuration()
            configuration.maxTermCharacters = characters
            let extractor = FeatureExtractor(languageIdentifier: DeclaredLanguage(), configuration: configuration)
            return Set(extractor.features(of: article).terms.keys)
        }
        #expect(!terms(800).contains { $0.hasPrefix("zeppelin") })
        #expect(terms(2000).contains { $0.hasPrefix("zeppelin") })
    }

    /// A declared language counts by its primary subtag: `pt` of `pt-br`, and a three-letter code whole.
    @Test(arguments: [("pt-br", "pt"), ("fil", "fil"), ("en", "en"), ("zh-hant-tw", "zh")])
    func aDeclaredLanguageCountsByItsPrimarySubtag(declared: String, language: String) {
        let extractor = FeatureExtractor(languageIdentifier: DeclaredLanguage())
        let article = Article(id: "l", title: "Port", text: "Harbour cranes stopped.", declaredLanguage: declared)
        #expect(extractor.features(of: article).language == language)
    }

    @Test func sameInputGivesSameEventsAndIDs() throws {
        let features = Fixtures.features(try Fixtures.records("lookalikes.jsonl"))
        var a = EventClustering(), b = EventClustering()
        _ = a.cluster(features)
        _ = b.cluster(features.reversed())
        #expect(a.assignment == b.assignment)
    }

    @Test func mergePassChecksOnlyTheEventsItIsGiven() throws {
        let features = Fixtures.features(try Fixtures.records("lookalikes.jsonl"))
        let order = EventClustering.batchOrder(features)
        var live = EventClustering()
        _ = live.cluster(features)
        // Every article restored into an event of its own: the full merge pass joins some of them again.
        func split() -> EventClustering {
            var s = EventClustering()
            for i in order { s.observe(features[i]) }
            for i in order { s.restore(features[i], into: EventID("split-\(features[i].articleID)")) }
            return s
        }
        var full = split()
        let first = try #require(full.mergePass().first, "the fixtures hold events the merge pass joins")
        var none = split()
        #expect(none.mergePass(among: []).isEmpty)
        #expect(none.events.count == order.count)
        // Given one event of that first merge, the pass merges it, and every merge involves it or what it became.
        var one = split()
        let merges = one.mergePass(among: [first.absorbed])
        #expect(!merges.isEmpty)
        var checked: Set<EventID> = [first.absorbed]
        for m in merges {
            #expect(checked.contains(m.survivor) || checked.contains(m.absorbed), "\(m.absorbed) into \(m.survivor)")
            checked.insert(m.survivor)
        }
        #expect(one.events.count == order.count - merges.count)
        one.checkInvariants()
    }

    @Test func restoringFromMembershipsRebuildsTheSameState() throws {
        let features = Fixtures.features(try Fixtures.records("lookalikes.jsonl"))
        let order = EventClustering.batchOrder(features)
        var live = EventClustering()
        _ = live.cluster(features)
        var restored = EventClustering()
        for i in order { restored.observe(features[i]) }
        for i in order { restored.restore(features[i], into: live.assignment[features[i].articleID]!) }
        restored.checkInvariants()
        #expect(restored.assignment == live.assignment)
        #expect(restored.statistics == live.statistics)
        // The next decision is the same in both.
        var extra = features[order[0]]
        extra.articleID = "extra"
        extra.contentHash = "extra"
        #expect(live.add(extra).eventID == restored.add(extra).eventID)
    }

    @Test func sameContentUnderAnotherIDIsADuplicate() throws {
        var features = Fixtures.features(try Fixtures.records("lookalikes.jsonl"))
        var state = EventClustering()
        let first = state.add(features[0])
        features[0].articleID = "copy"
        let second = state.add(features[0])
        #expect(second.kind == .duplicate)
        #expect(second.duplicateOf == first.articleID)
        #expect(second.eventID == first.eventID)
        #expect(state.assignment["copy"] == nil)
    }

    @Test func decisionsExplainThemselves() throws {
        let features = Fixtures.features(try Fixtures.records("lookalikes.jsonl"))
        var state = EventClustering()
        let (decisions, _) = state.cluster(features)
        let joined = try #require(decisions.first { $0.kind == .joined })
        #expect(joined.summary.contains("joined"))
        let threshold = try #require(joined.threshold)
        #expect(joined.summary.contains(">= \(threshold)"))
        let assessment = try #require(joined.assessment)
        #expect(assessment.probability >= threshold)
        #expect(joined.summary.contains("(\(assessment.signals.languagePair))"))
        #expect(!assessment.contributions.isEmpty)
    }
}

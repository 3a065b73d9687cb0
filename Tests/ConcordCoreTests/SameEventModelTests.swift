import Foundation
import Testing

@testable import ConcordCore

/// SplitMix64: a fixed-seed generator, so the synthetic training sets are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// Synthetic labelled pairs: the label is whether the main textual signal exceeds 0.5, flipped with
/// probability `noise`.
enum SyntheticPairs {
    static func make(
        count: Int, generator g: inout SeededGenerator, languagePair: String = "en-en", crossLingual: Bool = false,
        noise: Double = 0.05, dataset: String = "synthetic", labelRange: ClosedRange<Double> = 0...1,
        extra: (inout PairSignals, Bool, inout SeededGenerator) -> Void = { _, _, _ in }
    ) -> [LabelledPair] {
        (0..<count).map { _ in
            let signal = Double.random(in: labelRange, using: &g)
            var label = signal > 0.5
            if Double.random(in: 0..<1, using: &g) < noise { label.toggle() }
            var s = PairSignals()
            s.languagePair = languagePair
            if crossLingual { s.entities = signal } else { s.lexical = signal }
            s.terms = Double(Int.random(in: 5...60, using: &g))
            extra(&s, label, &g)
            return LabelledPair(signals: s, label: label, dataset: dataset)
        }
    }

    static func accuracy(_ w: SameEventModel.Weights, _ pairs: [LabelledPair]) -> Double {
        let right = pairs.filter { p in
            let probability = 1 / (1 + exp(-w.logit(p.features)))
            let t = w.threshold(for: p.signals.languagePair, crossLingual: p.signals.isCrossLingual)
            return (probability >= t) == p.label
        }
        return Double(right.count) / Double(pairs.count)
    }
}

@Suite("Same-event model")
struct SameEventModelTests {
    // MARK: The built-in model

    @Test func defaultModelHasEmbeddingWeightsAndThresholds() throws {
        let model = SameEventModel.default
        let embedding = try #require(model.embedded.weights["embedding"])
        let crossLingual = try #require(model.embedded.weights["embeddingCrossLingual"])
        #expect(embedding > 0)
        #expect(crossLingual > 0)
        #expect(model.embedded.thresholds["en-en"] != nil)
        for w in [model.embedded, model.lexicalOnly] {
            #expect(!w.thresholds.isEmpty)
            for (pair, t) in w.thresholds {
                #expect(t > 0 && t < 1, "\(pair): \(t)")
                #expect(pair.split(separator: "-").count == 2, "\(pair)")
            }
            #expect(w.sameLanguageThreshold > 0 && w.sameLanguageThreshold < 1)
            #expect(w.crossLingualThreshold > 0 && w.crossLingualThreshold < 1)
        }
        #expect(!model.provenance.isEmpty)
    }

    @Test func defaultModelUsesKnownFeaturesWithTheExpectedSigns() {
        let model = SameEventModel.default
        for w in [model.embedded, model.lexicalOnly] {
            for (name, value) in w.weights {
                let feature = PairFeatures.Feature(rawValue: name)
                #expect(feature != nil, "unknown feature \(name)")
                if let feature { #expect(PairFeatures.expectedSign(feature) * value >= 0, "\(name): \(value)") }
            }
        }
        // The lexical-only weights never see an embedding, so they cannot weigh one.
        #expect((model.lexicalOnly.weights["embedding"] ?? 0) == 0)
        #expect((model.lexicalOnly.weights["embeddingCrossLingual"] ?? 0) == 0)
    }

    @Test func builtInJSONIsWhatJSONDataWrites() throws {
        let json = String(decoding: try SameEventModel.default.jsonData(), as: UTF8.self)
        #expect(json == defaultModelJSON)
    }

    // MARK: Serialization

    static let handMade = SameEventModel(
        embedded: .init(
            intercept: -12.25, weights: ["embedding": 14.5, "publishedGap": -0.75, "length": 0.1],
            thresholds: ["en-en": 0.6, "de-en": 0.31], sameLanguageThreshold: 0.45, crossLingualThreshold: 0.3),
        lexicalOnly: .init(intercept: 0.125, weights: ["lexical": 9.0 / 7, "entitiesCrossLingual": 1e-3]),
        provenance: ["trainedOn": "tests", "pairs": "0"])

    @Test(arguments: [SameEventModel.default, SameEventModelTests.handMade])
    func jsonRoundTripGivesAnEqualModel(_ model: SameEventModel) throws {
        let decoded = try JSONDecoder().decode(SameEventModel.self, from: try model.jsonData())
        #expect(decoded == model)
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("concord-model-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.jsonData().write(to: url)
        #expect(try SameEventModel(contentsOf: url) == model)
    }

    /// The JSON sits in a raw multi-line string indented by 4 (as `scripts/format` wants it); Swift strips the
    /// closing delimiter's indentation from every line, which must give the JSON back verbatim.
    @Test func swiftSourceHoldsTheJSONVerbatim() throws {
        let json = String(decoding: try Self.handMade.jsonData(), as: UTF8.self)
        let source = SameEventModel.swiftSource(json: json)
        #expect(source.contains("let defaultModelJSON = #\"\"\""))
        let open = try #require(source.range(of: "#\"\"\"\n"))
        let close = try #require(source.range(of: "\n    \"\"\"#", options: .backwards))
        let lines = source[open.upperBound..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.hasPrefix("    ") })
        #expect(lines.map { $0.dropFirst(4) }.joined(separator: "\n") == json)
    }

    // MARK: Weights

    @Test func thresholdFallsBackBySharedLanguage() {
        let w = SameEventModel.Weights(
            intercept: 0, weights: [:], thresholds: ["en-en": 0.6, "de-en": 0.2], sameLanguageThreshold: 0.45,
            crossLingualThreshold: 0.3)
        #expect(w.threshold(for: "en-en", crossLingual: false) == 0.6)
        #expect(w.threshold(for: "de-en", crossLingual: true) == 0.2)
        #expect(w.threshold(for: "it-it", crossLingual: false) == 0.45)
        #expect(w.threshold(for: "en-it", crossLingual: true) == 0.3)
    }

    static let signalTable: [PairSignals] = {
        var table: [PairSignals] = []
        var s = PairSignals()
        table.append(s)
        s.lexical = 0.42
        s.embedding = 0.87
        s.entities = 0.3
        s.distinctiveMissing = 0.25
        s.dates = -1.5
        s.scores = 1
        s.quantities = 0
        s.gapDays = 2
        s.publishedGapHours = 30
        s.terms = 33
        s.languagePair = "en-en"
        table.append(s)
        s.lexical = nil
        s.embedding = nil
        s.dates = 1
        s.quantities = 0.5
        s.languagePair = "de-en"
        table.append(s)
        return table
    }()

    @Test(arguments: signalTable)
    func contributionsSumToTheLogit(_ s: PairSignals) {
        let x = PairFeatures(s)
        let handMade = SameEventModel.Weights(
            intercept: -1.5, weights: ["lexical": 3, "embedding": 2, "datesConflict": -0.5, "noSuchFeature": 7])
        // p = σ(intercept + Σ weights[name] · feature[name]); a name that is no feature is ignored.
        let expected = -1.5 + 3 * x[.lexical] + 2 * x[.embedding] - 0.5 * x[.datesConflict]
        #expect(abs(handMade.logit(x) - expected) < 1e-12)
        // Without centers, the bias is the intercept and a contribution is weight × value.
        let plain = handMade.contributions(x)
        #expect(plain["bias"] == -1.5)
        for (name, value) in plain where name != "bias" {
            let feature = PairFeatures.Feature(rawValue: name)
            #expect(feature.map { value == handMade.weights[name, default: 0] * x[$0] } == true, "\(name)")
        }
        var centered = handMade
        centered.centers = ["lexical": 0.3, "embedding": 0.8, "datesConflict": 1]
        for w in [handMade, centered, SameEventModel.default.embedded, SameEventModel.default.lexicalOnly] {
            let c = w.contributions(x)
            #expect(c["bias"] != nil)
            #expect(abs(c.values.reduce(0, +) - w.logit(x)) < 1e-9)
            // Only features that are present and weighed are listed.
            for name in c.keys where name != "bias" {
                let feature = PairFeatures.Feature(rawValue: name)
                #expect(feature.map { x[$0] != 0 && w.weights[name, default: 0] != 0 } == true, "\(name)")
            }
        }
    }

    @Test func assessmentUsesTheWeightsForItsSignals() {
        let a = ProfileCorpus.article("a", hoursAfterT0: 0, terms: ["fire", "port"], embedding: [1, 0])
        let b = ProfileCorpus.article("b", hoursAfterT0: 5, terms: ["fire", "tyres"], embedding: [0.8, 0.6])
        let c = ProfileCorpus.article("c", hoursAfterT0: 2, terms: ["fire", "port"])
        var corpus = ProfileCorpus([a, b, c])
        var configuration = SameEventScorer.Configuration()
        configuration.model = Self.handMade
        configuration.thresholdShift = 0.05
        let scorer = SameEventScorer(configuration: configuration)
        for (x, y, weights) in [(a, b, Self.handMade.embedded), (a, c, Self.handMade.lexicalOnly)] {
            let (px, py) = (corpus.profile(x), corpus.profile(y))
            let assessment = scorer.assess(px, py, statistics: corpus.statistics)
            let features = PairFeatures(corpus.signals(px, py))
            #expect(assessment.signals == corpus.signals(px, py))
            #expect(Self.handMade.weights(for: assessment.signals) == weights)
            #expect(assessment.contributions == weights.contributions(features))
            #expect(abs(assessment.probability - 1 / (1 + exp(-weights.logit(features)))) < 1e-12)
            let s = assessment.signals
            let base = weights.threshold(for: s.languagePair, crossLingual: s.isCrossLingual)
            #expect(assessment.threshold == base + 0.05)
            #expect(assessment.isMatch == (assessment.probability >= assessment.threshold))
        }
    }

    // MARK: Fitting

    @Test func fitLearnsALexicalWeightThatSeparatesTheClasses() throws {
        var g = SeededGenerator(seed: 7)
        let pairs = SyntheticPairs.make(count: 600, generator: &g)
        let w = SameEventTraining.fit(pairs)
        let lexical = try #require(w.weights["lexical"])
        #expect(lexical > 0)
        #expect(SyntheticPairs.accuracy(w, pairs) > 0.9)
        // Held-out pairs from the same distribution.
        #expect(SyntheticPairs.accuracy(w, SyntheticPairs.make(count: 400, generator: &g)) > 0.9)
        // A constant feature carries no information and gets no weight.
        #expect(w.weights["noEntities"] == nil)
        #expect(w.weights["crossLingual"] == nil)
    }

    @Test func fitZeroesWeightsWhoseSignContradictsTheEvidence() throws {
        var g = SeededGenerator(seed: 11)
        // Dates "agree" mostly on different events and scores "conflict" mostly on the same event: the
        // opposite of what the evidence means.
        let pairs = SyntheticPairs.make(count: 800, generator: &g) { s, label, g in
            if Double.random(in: 0..<1, using: &g) < (label ? 0.2 : 0.8) { s.dates = 1 }
            if Double.random(in: 0..<1, using: &g) < (label ? 0.8 : 0.2) { s.scores = -1 }
        }
        func positiveRate(_ subset: [LabelledPair]) -> Double {
            Double(subset.filter(\.label).count) / Double(subset.count)
        }
        let agree = pairs.filter { $0.features[.datesAgree] == 1 }
        let other = pairs.filter { $0.features[.datesAgree] == 0 }
        #expect(positiveRate(agree) < positiveRate(other))
        let conflict = pairs.filter { $0.features[.scoresConflict] == 1 }
        let noConflict = pairs.filter { $0.features[.scoresConflict] == 0 }
        #expect(positiveRate(conflict) > positiveRate(noConflict))

        // Unconstrained, the regression would weigh them against their meaning.
        let rows = pairs.map { $0.features.values + [1] }
        let beta = SameEventTraining.newton(
            x: rows, y: pairs.map { $0.label ? 1 : 0 }, weight: Array(repeating: 1, count: pairs.count), l2: 1,
            excluded: [])
        let position = PairFeatures.position
        #expect(try beta[#require(position[.datesAgree])] < 0)
        #expect(try beta[#require(position[.scoresConflict])] > 0)

        let w = SameEventTraining.fit(pairs)
        #expect((w.weights["datesAgree"] ?? 0) == 0)
        #expect((w.weights["scoresConflict"] ?? 0) == 0)
        #expect(try #require(w.weights["lexical"]) > 0)
        for (name, value) in w.weights {
            let feature = try #require(PairFeatures.Feature(rawValue: name))
            #expect(PairFeatures.expectedSign(feature) * value >= 0, "\(name): \(value)")
        }
        #expect(SyntheticPairs.accuracy(w, pairs) > 0.9)
    }

    @Test func eachDatasetWeighsTheSameInTotal() throws {
        var g = SeededGenerator(seed: 3)
        let a = SyntheticPairs.make(count: 150, generator: &g, noise: 0.1, dataset: "a")
        let b = SyntheticPairs.make(count: 250, generator: &g, noise: 0.2, dataset: "b") { s, label, g in
            if Double.random(in: 0..<1, using: &g) < (label ? 0.7 : 0.2) { s.scores = 1 }
        }
        // Without a penalty, repeating every pair of one dataset changes nothing.
        let once = SameEventTraining.fit(a + b, l2: 0)
        let twice = SameEventTraining.fit(a + a + b, l2: 0)
        #expect(Set(once.weights.keys) == Set(twice.weights.keys))
        for (name, value) in once.weights {
            let other = try #require(twice.weights[name])
            #expect(abs(value - other) <= 1e-6 * max(1, abs(value)), "\(name): \(value) vs \(other)")
        }
        #expect(abs(once.intercept - twice.intercept) <= 1e-6 * max(1, abs(once.intercept)))
    }

    @Test func thresholdsOnlyForLanguagePairsWithEnoughPairsOfBothLabels() throws {
        var g = SeededGenerator(seed: 5)
        let enough = SyntheticPairs.make(count: 200, generator: &g, languagePair: "en-en")
        let few = SyntheticPairs.make(count: 20, generator: &g, languagePair: "de-de")
        let oneLabel = SyntheticPairs.make(
            count: 80, generator: &g, languagePair: "fr-fr", noise: 0, labelRange: 0...0.5)
        let cross = SyntheticPairs.make(count: 30, generator: &g, languagePair: "en-it", crossLingual: true)
        #expect(few.contains { $0.label } && few.contains { !$0.label })
        #expect(cross.contains { $0.label } && cross.contains { !$0.label })
        #expect(oneLabel.allSatisfy { !$0.label })
        let pairs = enough + few + oneLabel + cross

        let w = SameEventTraining.fit(pairs, minimumPairs: 50)
        #expect(Set(w.thresholds.keys) == ["en-en"])
        let t = try #require(w.thresholds["en-en"])
        #expect(t > 0 && t < 1)
        #expect(abs(t * 100 - (t * 100).rounded()) < 1e-9)  // rounded to hundredths
        #expect(w.sameLanguageThreshold > 0 && w.sameLanguageThreshold < 1)
        // Too few cross-lingual pairs for their own threshold: the same-language one stands in.
        #expect(w.crossLingualThreshold == w.sameLanguageThreshold)
        #expect(w.threshold(for: "de-de", crossLingual: false) == w.sameLanguageThreshold)
        #expect(w.threshold(for: "fr-fr", crossLingual: false) == w.sameLanguageThreshold)
        #expect(w.threshold(for: "en-it", crossLingual: true) == w.crossLingualThreshold)

        let lenient = SameEventTraining.fit(pairs, minimumPairs: 10)
        #expect(Set(lenient.thresholds.keys) == ["en-en", "de-de", "en-it"])
        for (pair, t) in lenient.thresholds { #expect(t > 0 && t < 1, "\(pair): \(t)") }
    }

    // MARK: Pairs from clustering

    @Test func clusteringPairsLabelTheGoldEventOnly() {
        typealias C = ProfileCorpus
        // Every article names Hamburg, so every event is a candidate for every article; the gold event's
        // articles also share one distinctive person.
        func article(_ id: String, _ hours: Double, _ person: String) -> ArticleFeatures {
            C.article(
                id, hoursAfterT0: hours, terms: ["hamburg", "port", person.lowercased()], entities: ["Hamburg", person])
        }
        let features = [
            article("a1", 0, "Xavier Alpha"), article("b1", 1, "Yolanda Beta"), article("a2", 2, "Xavier Alpha"),
            article("c1", 2.5, "Zeno Gamma"), article("b2", 3, "Yolanda Beta"), article("a3", 4, "Xavier Alpha"),
        ]
        let gold = ["a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B"]  // c1 is not in the gold set
        let pairs = SameEventTraining.clusteringPairs(features, gold: gold, dataset: "hamburg")
        // b1 sees A; a2, b2 and a3 each see A and B. c1 is neither scored nor a candidate.
        #expect(pairs.count == 1 + 2 + 2 + 2)
        // One true pair per article after the first of its event.
        #expect(pairs.filter(\.label).count == (3 - 1) + (2 - 1))
        for p in pairs {
            #expect(p.dataset == "hamburg")
            #expect(p.features == PairFeatures(p.signals))
            // The candidate is the article's gold event exactly when they share the event's person.
            let sharesPerson = !Set(p.signals.sharedEntities).isDisjoint(with: ["Xavier Alpha", "Yolanda Beta"])
            #expect(p.label == sharesPerson, "\(p.signals.sharedEntities)")
            #expect(!p.signals.sharedEntities.contains("Zeno Gamma"))
        }
    }

    @Test func clusteringPairsOnTheLookalikesFindEveryGoldEvent() throws {
        let records = try Fixtures.records("lookalikes.jsonl")
        let features = Fixtures.features(records)
        var gold: [String: String] = [:]
        for r in records {
            let event: String = try #require(r.goldEvent)
            gold[r.article.id] = event
        }
        let sizes = Dictionary(grouping: gold.values, by: { $0 }).mapValues(\.count)
        let multi = sizes.filter { $0.value > 1 }
        #expect(!multi.isEmpty)

        let all = SameEventTraining.clusteringPairs(features, gold: gold, dataset: "lookalikes")
        let positives = all.filter(\.label).count
        // At most one true pair per article after the first of its event, and at least one per event.
        #expect(positives <= multi.values.reduce(0) { $0 + $1 - 1 })
        #expect(positives >= multi.count)
        // The look-alike events are candidates too, and are labelled false.
        #expect(all.contains { !$0.label })

        // Each gold event alone: every candidate is that event, found at least once.
        for (event, size) in multi {
            let only = gold.filter { $0.value == event }
            let pairs = SameEventTraining.clusteringPairs(features, gold: only, dataset: event)
            #expect(!pairs.isEmpty, "\(event)")
            #expect(pairs.count <= size - 1, "\(event)")
            #expect(pairs.allSatisfy { $0.label }, "\(event)")
        }
    }

    @Test func compareAssessesEachPairWithoutClustering() throws {
        let features = Fixtures.features(try Fixtures.records("lookalikes.jsonl"))
        let index = Dictionary(uniqueKeysWithValues: features.enumerated().map { ($1.articleID, $0) })
        let i = { (id: String) throws -> Int in try #require(index[id]) }
        let pairs = [
            (try i("fx-015"), try i("fx-016")),  // wire copies
            (try i("fx-016"), try i("fx-015")),
            (try i("fx-015"), try i("fx-001")),  // Hamburg fire vs the 2023 trophy
            (try i("fx-001"), try i("fx-002")),  // en vs it
            (try i("fx-001"), try i("fx-004")),  // look-alike trophies
        ]
        var state = EventClustering()
        let assessments = state.compare(features, pairs: pairs)
        #expect(assessments.count == pairs.count)
        for a in assessments {
            #expect((0...1).contains(a.probability))
            #expect(a.threshold > 0 && a.threshold < 1)
        }
        #expect(state.events.isEmpty)
        #expect(state.assignment.isEmpty)
        #expect(state.statistics.documents == features.count)
        #expect(assessments[0].signals.languagePair == "en-en")
        #expect(assessments[3].signals.languagePair == "en-it")
        // Every signal is symmetric for two single articles.
        #expect(abs(assessments[0].probability - assessments[1].probability) < 1e-9)
        #expect(assessments[0].probability > assessments[2].probability)
    }
}

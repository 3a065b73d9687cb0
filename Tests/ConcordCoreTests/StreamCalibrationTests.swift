import Foundation
import Testing

@testable import ConcordCore

@Suite("Stream calibration")
struct StreamCalibrationTests {
    static func assessment(_ probability: Double, languagePair: String = "en-en", crossLingual: Bool = false)
        -> SameEventScorer.Assessment
    {
        var s = PairSignals()
        s.languagePair = languagePair
        if !crossLingual { s.lexical = 0.5 }
        return .init(signals: s, contributions: [:], probability: probability, threshold: 0.5)
    }

    @Test func otsuCutsBetweenTheTwoGroups() throws {
        let cut = try #require(StreamCalibration.otsu([-4, -3.5, -3, -3.2, 2, 2.5, 3, -3.9]))
        #expect(cut == (-3 + 2) / 2.0)
        // Unequal groups: the cut still falls in the gap.
        let skewed = try #require(StreamCalibration.otsu([0, 0.1, 0.2, 0.15, 0.05, 0.12, 0.3, 5]))
        #expect(skewed > 0.3 && skewed < 5)
        #expect(StreamCalibration.otsu([1, 1, 1]) == nil)
        #expect(StreamCalibration.otsu([1]) == nil)
    }

    @Test func logitIsClippedAndSymmetric() {
        #expect(StreamCalibration.logit(0.5) == 0)
        #expect(abs(StreamCalibration.logit(0.8) + StreamCalibration.logit(0.2)) < 1e-12)
        #expect(StreamCalibration.logit(0) == -6)
        #expect(StreamCalibration.logit(1) == 6)
        #expect(StreamCalibration.logit(0.999_999) == 6)
    }

    @Test func thresholdLiesBetweenLookAlikesAndMatchesPerLanguagePair() throws {
        var c = StreamCalibration()
        // vi-vi: look-alikes around p = 0.3-0.6, true matches around 0.9-0.99.
        for i in 0..<60 { c.record(Self.assessment(0.3 + 0.005 * Double(i), languagePair: "vi-vi")) }
        for i in 0..<40 { c.record(Self.assessment(0.9 + 0.002 * Double(i), languagePair: "vi-vi")) }
        // en-en: too few samples.
        for p in [0.1, 0.95, 0.2] { c.record(Self.assessment(p)) }
        // Cross-lingual comparisons are not sampled.
        for _ in 0..<200 { c.record(Self.assessment(0.5, languagePair: "de-en", crossLingual: true)) }
        #expect(c.samples["de-en"] == nil)
        // Near copies are not sampled.
        var copy = Self.assessment(0.999, languagePair: "vi-vi")
        copy.signals.lexical = 0.93
        c.record(copy)
        #expect(c.samples["vi-vi"]?.count == 100)
        let t = c.thresholds(minimumSamples: 50)
        #expect(Set(t.keys) == ["vi-vi"])
        let vi = try #require(t["vi-vi"])
        #expect(vi > 0.595 && vi < 0.9)
        #expect(abs(vi * 100 - (vi * 100).rounded()) < 1e-9)
        #expect(c.thresholds(minimumSamples: 3).keys.contains("en-en"))
        // Matches at p = 1 would put the cut near 1: it is capped.
        var copies = StreamCalibration()
        for p in [0.4, 0.45, 1, 1, 1, 0.42] { copies.record(Self.assessment(p)) }
        #expect(copies.thresholds(minimumSamples: 1)["en-en"] == StreamCalibration.ceiling)
    }

    @Test func streamThresholdRaisesButNeverLowersTheModels() {
        var configuration = SameEventScorer.Configuration()
        let articles = [
            ProfileCorpus.article("a", terms: ["fire", "port"]),
            ProfileCorpus.article("b", terms: ["fire", "port", "ship"]),
        ]
        var corpus = ProfileCorpus(articles)
        let (a, b) = (corpus.profile(articles[0]), corpus.profile(articles[1]))
        let base = SameEventScorer(configuration: configuration).assess(a, b, statistics: corpus.statistics)
        configuration.streamThresholds = [base.signals.languagePair: min(0.99, base.threshold + 0.2)]
        let raised = SameEventScorer(configuration: configuration).assess(a, b, statistics: corpus.statistics)
        #expect(raised.threshold == min(0.99, base.threshold + 0.2))
        #expect(raised.probability == base.probability)
        configuration.streamThresholds = [base.signals.languagePair: max(0.01, base.threshold - 0.2)]
        let kept = SameEventScorer(configuration: configuration).assess(a, b, statistics: corpus.statistics)
        #expect(kept.threshold == base.threshold)
    }

    /// A stream of 40 stories told twice (an hour apart, in partly different words), each with its own words
    /// and a few common ones.
    static func stream() -> [ArticleFeatures] {
        (0..<40).flatMap { story in
            (0..<2).map { copy in
                ProfileCorpus.article(
                    "s\(story)-\(copy)", hoursAfterT0: Double(story * 5 + copy),
                    terms: [
                        "city", "council", "w\(story)a", "w\(story)b", "w\(story)c",
                        "x\(story)-\(copy)", "y\(story)-\(copy)", "z\(story)-\(copy)",
                    ],
                    entities: ["Name\(story)"])
            }
        }
    }

    @Test func clusteringCalibratesOnItsOwnStream() throws {
        var configuration = EventClustering.Configuration()
        configuration.calibrationSamples = 20
        var state = EventClustering(configuration: configuration)
        let (decisions, _) = state.cluster(Self.stream())
        let model = configuration.scorer.model.lexicalOnly.threshold(for: "en-en", crossLingual: false)
        let stream = try #require(state.configuration.scorer.streamThresholds["en-en"])
        // Copies score p ≈ 1 and the nearest other story about 0.5: the cut lies between, capped.
        #expect(stream > 0.5 && stream <= StreamCalibration.ceiling)
        for d in decisions { if let t = d.threshold { #expect(t == max(model, stream)) } }
        #expect(state.calibration.samples["en-en"]?.count ?? 0 >= 20)

        // The same sequence calibrates the same way; calibration can be turned off.
        var again = EventClustering(configuration: configuration)
        _ = again.cluster(Self.stream())
        #expect(again.configuration.scorer.streamThresholds == state.configuration.scorer.streamThresholds)
        configuration.calibrationWindow = 0
        var off = EventClustering(configuration: configuration)
        _ = off.cluster(Self.stream())
        #expect(off.configuration.scorer.streamThresholds.isEmpty)
        // Too few samples: no stream threshold.
        configuration.calibrationWindow = 1000
        configuration.calibrationSamples = 1000
        var few = EventClustering(configuration: configuration)
        _ = few.cluster(Self.stream())
        #expect(few.configuration.scorer.streamThresholds.isEmpty)
    }
}

import Foundation
import Testing

@testable import ConcordCore

/// The stream parameters a model carries, and how clustering adopts them.
@Suite struct StreamParametersTests {
    @Test("a logit shift moves thresholds monotonically and leaves them alone at 0")
    func shift() {
        let t = 0.4
        #expect(SameEventModel.Weights.shifted(t, by: 0) == t)
        #expect(SameEventModel.Weights.shifted(t, by: -0.5) < t)
        #expect(SameEventModel.Weights.shifted(t, by: 0.5) > t)
        let back = SameEventModel.Weights.shifted(SameEventModel.Weights.shifted(t, by: 1), by: -1)
        #expect(abs(back - t) <= 0.002)
    }

    @Test("a configuration adopts the model's merge margin and calibration window")
    func adoption() {
        var model = SameEventModel.default
        model.stream = .init(thresholdLogitShift: -1, mergeMargin: 0.03, calibrationWindow: 0)
        let c = EventClustering.Configuration(model: model)
        #expect(c.mergeMargin == 0.03)
        #expect(c.calibrationWindow == 0)
        #expect(c.scorer.model == model)
    }

    @Test("the model's shift lowers the join threshold of an assessment")
    func assessmentThreshold() throws {
        let records = try Fixtures.records("lookalikes.jsonl")
        let features = Fixtures.features(records)
        var base = SameEventModel.default
        base.stream = nil
        var lowered = base
        lowered.stream = .init(thresholdLogitShift: -1, mergeMargin: 0.1, calibrationWindow: 0)
        var plain = EventClustering(configuration: .init(model: base))
        var shifted = EventClustering(configuration: .init(model: lowered))
        for f in features {
            plain.observe(f)
            shifted.observe(f)
        }
        let a = plain.assess(features[0], features[1])
        let b = shifted.assess(features[0], features[1])
        #expect(a.probability == b.probability)
        #expect(b.threshold < a.threshold)
    }

    @Test("the search clusters each set with the model fitted without it and keeps the best mean F1")
    func search() throws {
        let records = try Fixtures.records("lookalikes.jsonl")
        let features = Fixtures.features(records)
        let gold = Dictionary(uniqueKeysWithValues: records.map { ($0.article.id, $0.goldEvent ?? "") })
        let set = SameEventTraining.GoldSet(name: "lookalikes", features: features, gold: gold)
        let (best, trials) = SameEventTraining.searchStreamParameters(
            sets: [set], models: ["lookalikes": .default])
        #expect(trials.count == SameEventTraining.streamGrid.count)
        let top = try #require(trials.map(\.meanF1).max())
        let chosen = try #require(trials.first { $0.parameters == best })
        #expect(chosen.meanF1 == top)
        #expect(trials.allSatisfy { $0.f1["lookalikes"] != nil })
        // A set without a model is not clustered.
        let none = SameEventTraining.searchStreamParameters(sets: [set], models: [:])
        #expect(none.trials.allSatisfy { $0.f1.isEmpty })
    }
}

import Testing

@testable import ConcordCore

@Suite struct ClusteringScoreTests {
    @Test func perfectClusteringScoresOne() {
        let gold = ["a": "1", "b": "1", "c": "2"]
        let s = ClusteringScore(gold: gold, predicted: ["a": "x", "b": "x", "c": "y"])
        #expect(s.bcubed.f1 == 1)
        #expect(s.pairwise.f1 == 1)
        #expect(s.goldEvents == 2 && s.predictedEvents == 2)
    }

    @Test func allInOneHasFullRecallLowPrecision() {
        let gold = ["a": "1", "b": "1", "c": "2", "d": "3"]
        let s = ClusteringScore(gold: gold, predicted: ["a": "x", "b": "x", "c": "x", "d": "x"])
        #expect(s.bcubed.recall == 1)
        // BCubed precision: a,b: 2/4 each; c,d: 1/4 each -> (0.5+0.5+0.25+0.25)/4
        #expect(abs(s.bcubed.precision - 0.375) < 1e-12)
        #expect(s.pairwise.recall == 1)
        #expect(abs(s.pairwise.precision - 1.0 / 6.0) < 1e-12)
    }

    @Test func singletonsHaveFullPrecision() {
        let gold = ["a": "1", "b": "1", "c": "1"]
        let s = ClusteringScore(gold: gold, predicted: ["a": "x", "b": "y", "c": "z"])
        #expect(s.bcubed.precision == 1)
        #expect(abs(s.bcubed.recall - 1.0 / 3.0) < 1e-12)
        #expect(s.pairwise.recall == 0)
    }
}

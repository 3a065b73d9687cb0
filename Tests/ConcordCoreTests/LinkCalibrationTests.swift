import Foundation
import Testing

@testable import ConcordCore

/// The consolidation's cut read from the stream: the silhouette must prefer the cut that keeps apart two
/// groups that are alike but not one, and the cut must travel through a store's calibration record.
@Suite struct LinkCalibrationTests {
    /// Three groups of four: A and B alike (embedding cosine 0.9, half their words shared), C unrelated.
    static func items() -> (items: [LinkCalibration.Item], groups: [Int]) {
        func unit(_ v: [Float]) -> [Float] {
            let n = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return v.map { $0 / n }
        }
        let theta = acos(Float(0.9))
        var items: [LinkCalibration.Item] = []
        var groups: [Int] = []
        for g in 0..<3 {
            for i in 0..<4 {
                var v = [Float](repeating: 0, count: 8)
                switch g {
                case 0: v[0] = 1
                case 1: (v[0], v[1]) = (cos(theta), sin(theta))
                default: v[2] = 1
                }
                v[3 + i] = 0.1
                let ids: [Int32] = g == 0 ? [0, 1, 2, 3] : g == 1 ? [2, 3, 4, 5] : [6, 7, 8, 9]
                let terms = SparseVector(ids.map { ($0, Float(0.5)) })
                items.append(LinkCalibration.Item(embedding: unit(v), language: "en", terms: terms))
                groups.append(g)
            }
        }
        return (items, groups)
    }

    @Test func silhouetteKeepsAlikeGroupsApart() throws {
        let (items, groups) = Self.items()
        let cut = try #require(LinkCalibration.cut(items, lexicalWeight: 0.5))
        // A against B: 0.5 * (0.9 * 0.99 - 0.8) / 0.2 + 0.5 * 0.5 ≈ 0.47; within a group ≈ 0.975.
        #expect(cut > 0.48 && cut <= 0.97, "cut \(cut)")
        // Average link at that cut finds the three groups.
        let n = items.count
        let labels = AverageLinkClustering.cut(
            AverageLinkClustering.dendrogram(distances: Self.distances(items), count: n), count: n,
            threshold: 1 - cut)
        for i in 0..<n {
            for j in 0..<n where j > i {
                #expect((labels[i] == labels[j]) == (groups[i] == groups[j]), "items \(i) and \(j)")
            }
        }
    }

    static func distances(_ items: [LinkCalibration.Item]) -> [Double] {
        let n = items.count
        var d = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let e = SameEventScorer.dot(items[i].embedding ?? [], items[j].embedding ?? [])
                d[i * n + j] =
                    1
                    - (LinkCalibration.similarity(
                        embedding: e, lexical: items[i].terms.dot(items[j].terms), lexicalWeight: 0.5) ?? 0)
            }
        }
        return d
    }

    @Test func silhouetteScoresTheRightClusteringHighest() {
        let (items, groups) = Self.items()
        let n = items.count
        let d = Self.distances(items)
        let right = LinkCalibration.silhouette(d, count: n, labels: groups)
        let merged = LinkCalibration.silhouette(d, count: n, labels: groups.map { min($0, 1) })
        let alone = LinkCalibration.silhouette(d, count: n, labels: Array(0..<n))
        #expect(right > merged)
        #expect(right > alone)
        #expect(alone == 0)
    }

    @Test func noCutWithoutEmbeddingsOrArticles() {
        let (items, _) = Self.items()
        #expect(LinkCalibration.cut(Array(items.prefix(2)), lexicalWeight: 0.5) == nil)
        let bare = items.map { LinkCalibration.Item(embedding: nil, language: $0.language, terms: $0.terms) }
        #expect(LinkCalibration.cut(bare, lexicalWeight: 0.5) == nil)
    }

    /// A store keeps the cut beside the join thresholds; it is read back only when link calibration is on.
    @Test func cutTravelsWithTheStreamThresholds() {
        var on = EventClustering.Configuration()
        on.linkCalibration = 1
        var state = EventClustering(configuration: on)
        state.streamCalibration = ["en-en": 0.55, "consolidation": 0.42]
        #expect(state.configuration.streamLinkCut == 0.42)
        #expect(state.configuration.scorer.streamThresholds == ["en-en": 0.55])
        #expect(state.streamCalibration == ["en-en": 0.55, "consolidation": 0.42])
        var off = EventClustering()
        off.streamCalibration = ["en-en": 0.55, "consolidation": 0.42]
        #expect(off.configuration.streamLinkCut == nil)
        #expect(off.configuration.scorer.streamThresholds == ["en-en": 0.55])
    }

    /// On a stream, calibration sets the cut only when asked to.
    @Test func calibrationSetsTheCutWhenOn() throws {
        let features = Fixtures.features(try Fixtures.records("lookalikes.jsonl")).enumerated().map { i, f in
            var f = f
            var v = [Float](repeating: 0, count: 8)
            v[i % 8] = 1
            f.embedding = v
            return f
        }
        var configuration = EventClustering.Configuration()
        configuration.linkCalibration = 1
        var on = EventClustering(configuration: configuration), off = EventClustering()
        for f in features {
            on.observe(f)
            off.observe(f)
        }
        on.calibrate(on: features)
        off.calibrate(on: features)
        let cut = try #require(on.configuration.streamLinkCut)
        #expect(LinkCalibration.grid.contains(cut))
        #expect(off.configuration.streamLinkCut == nil)
    }
}

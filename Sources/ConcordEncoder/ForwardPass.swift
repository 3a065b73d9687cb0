import COpenBLAS

/// One worker's forward pass of the 12-layer encoder over a chunk of token sequences, with its scratch buffers.
///
/// The sequences of a chunk are concatenated into one [T × H] activation matrix, so each weight matrix is
/// streamed once per chunk and the four projections of a layer are large `cblas_sgemm` calls (T × 1152 × 384,
/// T × 384 × 384, T × 1536 × 384, T × 384 × 1536). Attention runs per sequence and per head, also through sgemm.
/// The result of each sequence is the mean of its final token vectors (specials included); normalization is left
/// to the caller, which may still combine windows of one long text.
///
/// A pass is not shareable: each thread makes its own.
final class ForwardPass {
    let weights: ModelWeights
    /// The most tokens one ``run(tokens:segments:into:)`` accepts.
    let capacity: Int

    private let hiddenStates: UnsafeMutablePointer<Float>
    private let queryKeyValue: UnsafeMutablePointer<Float>
    private let context: UnsafeMutablePointer<Float>
    private let projected: UnsafeMutablePointer<Float>
    private let inner: UnsafeMutablePointer<Float>
    private let scores: UnsafeMutablePointer<Float>
    private let rowScales: UnsafeMutablePointer<Float>

    /// Allocates scratch space for chunks of up to `capacity` tokens (at least one full-length sequence).
    init(weights: ModelWeights, capacity: Int) {
        let header = weights.header
        let capacity = max(capacity, header.maxPositions)
        self.weights = weights
        self.capacity = capacity
        func buffer(_ count: Int) -> UnsafeMutablePointer<Float> {
            let pointer = UnsafeMutableRawPointer.allocate(byteCount: count * 4, alignment: 64)
            return pointer.bindMemory(to: Float.self, capacity: count)
        }
        hiddenStates = buffer(capacity * header.hidden)
        queryKeyValue = buffer(capacity * header.hidden * 3)
        context = buffer(capacity * header.hidden)
        projected = buffer(capacity * header.hidden)
        inner = buffer(capacity * header.feedForward)
        scores = buffer(Self.attentionBlock * header.maxPositions)
        rowScales = buffer(Self.attentionBlock)
    }

    deinit {
        for pointer in [hiddenStates, queryKeyValue, context, projected, inner, scores, rowScales] {
            pointer.deallocate()
        }
    }

    /// Encodes the sequences `segments` of `tokens` and writes each one's mean token vector into `means`.
    ///
    /// - Parameters:
    ///   - tokens: token ids of all sequences, back to back (each with its `<s>` and `</s>`).
    ///   - segments: the range of each sequence in `tokens`; together they cover `tokens` in order, and none is
    ///     longer than the model's 512 positions.
    ///   - means: room for `segments.count` × H floats.
    /// - Complexity: O(*T* · *p* + Σ *L*² · H) for *T* tokens, *p* parameters per token and sequences of
    ///   length *L*.
    func run(tokens: [Int32], segments: [Range<Int>], into means: UnsafeMutablePointer<Float>) {
        let header = weights.header
        let hidden = header.hidden
        let count = tokens.count
        precondition(count <= capacity, "chunk of \(count) tokens exceeds the pass capacity \(capacity)")

        embed(tokens: tokens, segments: segments)
        for layer in weights.layers {
            multiply(
                hiddenStates, layer.queryKeyValue, into: queryKeyValue, rows: count, outputs: 3 * hidden,
                inputs: hidden)
            VectorMath.addBias(queryKeyValue, rows: count, columns: 3 * hidden, bias: layer.queryKeyValueBias)
            for segment in segments { attend(segment) }
            multiply(context, layer.attentionOutput, into: projected, rows: count, outputs: hidden, inputs: hidden)
            VectorMath.layerNorm(
                hiddenStates, adding: projected, bias: layer.attentionOutputBias, rows: count, columns: hidden,
                scale: layer.attentionNormScale, shift: layer.attentionNormBias, epsilon: header.layerNormEpsilon)
            multiply(
                hiddenStates, layer.feedForwardIn, into: inner, rows: count, outputs: header.feedForward,
                inputs: hidden)
            VectorMath.addBiasGELU(inner, rows: count, columns: header.feedForward, bias: layer.feedForwardInBias)
            multiply(
                inner, layer.feedForwardOut, into: projected, rows: count, outputs: hidden,
                inputs: header.feedForward)
            VectorMath.layerNorm(
                hiddenStates, adding: projected, bias: layer.feedForwardOutBias, rows: count, columns: hidden,
                scale: layer.outputNormScale, shift: layer.outputNormBias, epsilon: header.layerNormEpsilon)
        }
        for (index, segment) in segments.enumerated() {
            VectorMath.meanOfRows(
                hiddenStates + segment.lowerBound * hidden, rows: segment.count, columns: hidden,
                into: means + index * hidden)
        }
    }

    /// Word + position + token-type embeddings, then LayerNorm. Positions restart at 0 in every sequence.
    private func embed(tokens: [Int32], segments: [Range<Int>]) {
        let hidden = weights.header.hidden
        for segment in segments {
            for token in segment {
                let row = hiddenStates + token * hidden
                weights.wordEmbedding(tokens[token], into: row)
                let position = weights.positions + (token - segment.lowerBound) * hidden
                VectorMath.add(row, position, weights.tokenType, count: hidden)
            }
        }
        VectorMath.layerNorm(
            hiddenStates, adding: nil, bias: nil, rows: tokens.count, columns: hidden,
            scale: weights.embeddingNormScale, shift: weights.embeddingNormBias,
            epsilon: weights.header.layerNormEpsilon)
    }

    /// Scaled dot-product self-attention of one sequence, head by head, from `queryKeyValue` into `context`.
    ///
    /// Queries are taken in blocks of ``attentionBlock`` rows so that a block's scores (at most 128 × 512 floats)
    /// stay in the L2 cache between the two products and the softmax.
    private func attend(_ segment: Range<Int>) {
        let header = weights.header
        let hidden = header.hidden
        let headSize = header.headSize
        let length = segment.count
        let stride = Int32(3 * hidden)
        let scale = 1 / Float(headSize).squareRoot()
        let base = queryKeyValue + segment.lowerBound * 3 * hidden
        for head in 0..<header.heads {
            let keys = base + hidden + head * headSize
            let values = base + 2 * hidden + head * headSize
            for first in Swift.stride(from: 0, to: length, by: Self.attentionBlock) {
                let rows = min(Self.attentionBlock, length - first)
                let queries = base + first * 3 * hidden + head * headSize
                // scores = scale · Q Kᵀ  [rows × L]
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(length), Int32(headSize), scale,
                    queries, stride, keys, stride, 0, scores, Int32(length))
                for row in 0..<rows {
                    rowScales[row] = VectorMath.unnormalizedSoftmax(scores + row * length, count: length)
                }
                // context = softmax(scores) · V  [rows × headSize], each row normalized after the product.
                let output = context + (segment.lowerBound + first) * hidden + head * headSize
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(headSize), Int32(length), 1,
                    scores, Int32(length), values, stride, 0, output, Int32(hidden))
                for row in 0..<rows {
                    VectorMath.scale(output + row * hidden, count: headSize, by: rowScales[row])
                }
            }
        }
    }

    /// Query rows per attention block.
    static let attentionBlock = 128

    /// `output = input · weightᵀ` for a row-major [outputs × inputs] weight.
    private func multiply(
        _ input: UnsafePointer<Float>, _ weight: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>,
        rows: Int, outputs: Int, inputs: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs), 1,
            input, Int32(inputs), weight, Int32(inputs), 0, output, Int32(outputs))
    }
}

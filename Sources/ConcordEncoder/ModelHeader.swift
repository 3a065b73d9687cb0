/// The hyperparameters stored at the start of a packed model file.
///
/// For multilingual-e5-small: hidden size 384, 12 layers, 12 heads, feed-forward size 1536, an embedding table of
/// 250,037 rows, 512 positions, 2 token types, LayerNorm epsilon 1e-12 and Q4_0 blocks of 32 weights.
struct ModelHeader: Sendable, Equatable {
    /// Width of every token vector.
    var hidden: Int
    /// Number of transformer layers.
    var layers: Int
    /// Number of attention heads per layer.
    var heads: Int
    /// Width of the feed-forward layer.
    var feedForward: Int
    /// Rows of the word-embedding table.
    var vocabularySize: Int
    /// Rows of the position table: the longest sequence, specials included.
    var maxPositions: Int
    /// Rows of the token-type table (only row 0 is used).
    var typeVocabularySize: Int
    /// LayerNorm epsilon.
    var layerNormEpsilon: Float
    /// Weights per Q4_0 block.
    var blockSize: Int

    /// Width of one attention head.
    var headSize: Int { hidden / heads }

    /// Reads the header that follows the magic and version.
    init(reading reader: inout ByteReader) throws(EncoderError) {
        let section = "the model header"
        hidden = try reader.int32(section)
        layers = try reader.int32(section)
        heads = try reader.int32(section)
        feedForward = try reader.int32(section)
        vocabularySize = try reader.int32(section)
        maxPositions = try reader.int32(section)
        typeVocabularySize = try reader.int32(section)
        layerNormEpsilon = try reader.float32(section)
        blockSize = try reader.int32(section)
    }

    /// Checks the shape is one this encoder computes: the public API promises 384-dimensional vectors.
    ///
    /// - Throws: ``EncoderError`` (unsupported format) naming the offending value.
    func validate(path: String) throws(EncoderError) {
        func fail(_ reason: String) -> EncoderError { .unsupportedFormat(path: path, reason: reason) }
        guard hidden == TextEncoder.dimension else { throw fail("hidden size \(hidden), expected 384") }
        guard blockSize == 32 else { throw fail("Q4 block size \(blockSize), expected 32") }
        guard layers > 0, layers <= 256 else { throw fail("\(layers) layers") }
        guard heads > 0, hidden % heads == 0 else { throw fail("\(heads) heads for hidden size \(hidden)") }
        guard feedForward > 0, feedForward % blockSize == 0 else { throw fail("feed-forward size \(feedForward)") }
        guard vocabularySize > 0, maxPositions > 2, typeVocabularySize > 0 else {
            throw fail("empty embedding tables")
        }
    }
}

/// How a batch of texts becomes forward passes: each text's token windows, and the windows packed into chunks.
///
/// A text whose content (prefix included) has more than `maxPositions − 2` tokens is split, without overlap, into
/// windows of that many content tokens; each window is encoded as `<s> window </s>`. The text's vector is the mean
/// of its windows' mean-pooled vectors weighted by their content-token counts, as in the reference engine (for a
/// text that fits one window, this is plain mean pooling).
struct EmbeddingPlan: Sendable {
    /// One model input: a window of one text.
    struct Window: Sendable {
        /// Index of the text in the batch.
        let text: Int
        /// `<s>`, the window's content tokens, `</s>`.
        let tokens: [Int32]
        /// Weight of the window's vector in its text's vector: its content-token count (at least 1).
        let weight: Float
    }

    /// Windows packed for one forward pass.
    struct Chunk: Sendable {
        /// Index of the chunk's first window in ``EmbeddingPlan/windows``.
        let firstWindow: Int
        /// The windows' tokens, back to back.
        let tokens: [Int32]
        /// Each window's range in `tokens`.
        let segments: [Range<Int>]
    }

    let textCount: Int
    let windows: [Window]

    /// Tokenizes `texts` and cuts them into windows.
    ///
    /// - Complexity: O(total characters × longest piece).
    init(texts: [String], tokenizer: SentencePieceTokenizer, maxPositions: Int) {
        let contentLimit = maxPositions - 2
        let begin = tokenizer.vocabulary.begin
        let end = tokenizer.vocabulary.end
        var windows: [Window] = []
        windows.reserveCapacity(texts.count)
        for (index, text) in texts.enumerated() {
            let content = tokenizer.pieces(of: TextEncoder.queryPrefix + text)
            var start = 0
            repeat {
                let stop = min(start + contentLimit, content.count)
                windows.append(
                    Window(
                        text: index, tokens: [begin] + content[start..<stop] + [end],
                        weight: Float(max(stop - start, 1))))
                start = stop
            } while start < content.count
        }
        self.textCount = texts.count
        self.windows = windows
    }

    /// The total number of tokens the model reads.
    var tokenCount: Int { windows.reduce(0) { $0 + $1.tokens.count } }

    /// Packs the windows, in order, into chunks of at most `budget` tokens (a longer window gets a chunk alone).
    ///
    /// - Complexity: O(total tokens).
    func chunks(budget: Int) -> [Chunk] {
        var chunks: [Chunk] = []
        var first = 0
        var tokens: [Int32] = []
        var segments: [Range<Int>] = []
        for (index, window) in windows.enumerated() {
            if !segments.isEmpty && tokens.count + window.tokens.count > budget {
                chunks.append(Chunk(firstWindow: first, tokens: tokens, segments: segments))
                first = index
                tokens.removeAll(keepingCapacity: true)
                segments.removeAll(keepingCapacity: true)
            }
            segments.append(tokens.count..<tokens.count + window.tokens.count)
            tokens += window.tokens
        }
        if !segments.isEmpty { chunks.append(Chunk(firstWindow: first, tokens: tokens, segments: segments)) }
        return chunks
    }
}

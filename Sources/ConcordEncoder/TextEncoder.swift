import COpenBLAS
import Foundation

/// Sentence embeddings from multilingual-e5-small: 384-dimensional, L2-normalized vectors whose dot product is
/// the cosine similarity of two texts, in about 100 languages.
///
/// The encoder is our own implementation of the model (an XLM-R SentencePiece tokenizer and a 12-layer BERT
/// encoder over OpenBLAS `sgemm`), reading the 4-bit packed model file `e5-small-q4.bin` that
/// `scripts/setup.sh` installs. It reproduces the reference engine shipped with that file: the same token ids, and
/// vectors with cosine ≥ 0.999 to the reference's.
///
/// Every text gets the `query: ` prefix, the model card's choice for symmetric similarity, so callers pass raw
/// text. A text longer than the model's 512 positions is split into windows of 510 tokens; its vector is the
/// token-count-weighted mean of the windows' mean-pooled vectors, then normalized.
///
/// ```swift
/// let encoder = try TextEncoder()
/// let vectors = encoder.embed(["Derby ends 1-1 after late penalty", "Il derby finisce 1-1"])
/// let cosine = zip(vectors[0], vectors[1]).reduce(0) { $0 + $1.0 * $1.1 }
/// ```
///
/// The encoder is a value that shares its immutable weights; it is safe to call from several tasks at once. Each
/// ``embed(_:)`` call spreads its work over ``Configuration/threadCount`` threads.
///
/// - Note: Creating an encoder sets OpenBLAS to one thread per call, process-wide: the encoder runs one sgemm
///   per worker thread and parallelizes across chunks of text itself.
public struct TextEncoder: Sendable {
    /// The dimension of every vector.
    public static let dimension = 384

    /// The name of the model file inside the models directory.
    public static let modelFileName = "e5-small-q4.bin"

    /// The prefix put in front of every text before tokenization.
    public static let queryPrefix = "query: "

    /// Tunables of the encoder.
    public struct Configuration: Sendable {
        /// Threads that run forward passes in one ``TextEncoder/embed(_:)`` call. Default: the active processor
        /// count.
        public var threadCount: Int

        /// Most tokens in one forward pass (a chunk of windows); larger chunks make larger matrix products but
        /// need more scratch memory (about 16 KB per token per thread). Default: 2048; never below 512.
        public var tokensPerChunk: Int

        /// Creates a configuration.
        public init(threadCount: Int = ProcessInfo.processInfo.activeProcessorCount, tokensPerChunk: Int = 2048) {
            self.threadCount = max(1, threadCount)
            self.tokensPerChunk = max(512, tokensPerChunk)
        }
    }

    /// The configuration the encoder was created with.
    public let configuration: Configuration

    let weights: ModelWeights
    let tokenizer: SentencePieceTokenizer
    let passes: ForwardPassPool

    /// Loads the model and prepares the weights.
    ///
    /// Loading maps the file, builds the tokenizer's tables and dequantizes the layer weights to `Float` (about
    /// 85 MB); it takes about 0.1 s.
    ///
    /// - Parameters:
    ///   - modelPath: the packed model file; nil means ``defaultModelPath(environment:)``.
    ///   - configuration: threads and chunk size.
    /// - Throws: ``EncoderError`` when the file is missing (the message names `scripts/setup.sh`), truncated, not
    ///   a packed e5 model, or of an unsupported shape.
    public init(modelPath: String? = nil, configuration: Configuration = .init()) throws(EncoderError) {
        let file = try ModelFile(path: modelPath ?? Self.defaultModelPath())
        weights = try ModelWeights(file: file)
        tokenizer = SentencePieceTokenizer(vocabulary: file.vocabulary, characterMap: file.characterMap)
        self.configuration = configuration
        passes = ForwardPassPool(weights: weights)
        openblas_set_num_threads(1)
    }

    /// The folder of the model files, by one rule for every front end: `$CONCORD_MODELS`, else
    /// `$XDG_CACHE_HOME/concord/models`, else `~/.cache/concord/models` (unset and empty are the same).
    ///
    /// - Parameter environment: the environment to read; the process environment by default.
    public static func defaultModelsDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        if let models = value("CONCORD_MODELS") { return models }
        let cache = value("XDG_CACHE_HOME") ?? ((value("HOME") ?? NSHomeDirectory()) + "/.cache")
        return cache + "/concord/models"
    }

    /// The model file's default location: ``modelFileName`` in ``defaultModelsDirectory(environment:)``.
    public static func defaultModelPath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        defaultModelsDirectory(environment: environment) + "/" + modelFileName
    }

    /// The token ids the model reads for `text`: `<s>`, the pieces of `"query: " + text`, `</s>`.
    ///
    /// The sequence is not cut at 512 tokens; ``embed(_:)`` splits a longer one into windows.
    ///
    /// - Complexity: O(*n* · *m*) for *n* characters and pieces of at most *m* bytes.
    public func tokenize(_ text: String) -> [Int32] {
        let vocabulary = tokenizer.vocabulary
        return [vocabulary.begin] + tokenizer.pieces(of: Self.queryPrefix + text) + [vocabulary.end]
    }

    /// The L2-normalized embedding of each text, in order.
    ///
    /// Texts are tokenized, cut into windows of at most 512 tokens, packed into chunks of
    /// ``Configuration/tokensPerChunk`` tokens and encoded on ``Configuration/threadCount`` threads. An empty
    /// text gets the vector of `"query: "`.
    ///
    /// - Complexity: O(*T* · *p* + Σ *L*² · H): linear in the total number of tokens *T* (*p* ≈ 21 M parameters
    ///   per token), plus attention quadratic in each window's length *L* ≤ 512.
    public func embed(_ texts: [String]) -> [[Float]] {
        let plan = EmbeddingPlan(texts: texts, tokenizer: tokenizer, maxPositions: weights.header.maxPositions)
        return run(plan)
    }

    /// The L2-normalized embedding of one text.
    public func embed(_ text: String) -> [Float] {
        embed([text])[0]
    }
}

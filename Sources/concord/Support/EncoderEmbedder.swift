import ConcordCore
import ConcordEncoder

/// The native multilingual-e5-small encoder as the pipeline's ``TextEmbedder``.
struct EncoderEmbedder: TextEmbedder {
    let encoder: TextEncoder

    func embed(_ texts: [String]) -> [[Float]] { encoder.embed(texts) }
}

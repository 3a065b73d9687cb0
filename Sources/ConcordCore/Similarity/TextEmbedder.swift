/// A dense sentence encoder, as the pipeline sees it.
///
/// The encoder module provides the real one; the core only needs vectors, so it stays free of it.
public protocol TextEmbedder: Sendable {
    /// L2-normalized embeddings, one per text, in order.
    func embed(_ texts: [String]) -> [[Float]]
}

/// A dense sentence encoder, as the pipeline sees it.
///
/// The encoder module provides the real one; the core only needs vectors, so it stays free of it.
public protocol TextEmbedder: Sendable {
    /// L2-normalized embeddings, one per text, in order.
    func embed(_ texts: [String]) -> [[Float]]
}

extension TextEmbedder {
    /// Embeds the articles at `indices` (title and lead, see ``Article/embeddingText``) into their features.
    public func attach(to features: inout [ArticleFeatures], articles: [Article], indices: [Int]) {
        let vectors = embed(indices.map { articles[$0].embeddingText })
        for (i, v) in zip(indices, vectors) { features[i].embedding = v }
    }
}

extension Article {
    /// The whole article as one text: its title, a line break and its text (the text alone when untitled).
    public var fullText: String { title.isEmpty ? text : title + "\n" + text }

    /// The text an article is embedded from: title and the first 600 characters of the body.
    public var embeddingText: String {
        let lead = String(text.prefix(600))
        return title.isEmpty ? lead : title + "\n" + lead
    }
}

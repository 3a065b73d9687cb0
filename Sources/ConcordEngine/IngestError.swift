/// An ingest that cannot go on, named for a person: what is wrong and what to do instead.
public struct IngestError: Error, Sendable, CustomStringConvertible {
    enum Code: Sendable { case storeHasEmbeddings, storeHasNoEmbeddings }
    let code: Code

    /// The store's articles have dense embeddings and this ingest has no encoder: the new articles would be
    /// compared by their words alone against events compared by embedding.
    public static let storeHasEmbeddings = Self(code: .storeHasEmbeddings)
    /// The store was built without embeddings and this ingest has an encoder: the new articles would be
    /// compared by embedding with one another and by words alone with everything stored.
    public static let storeHasNoEmbeddings = Self(code: .storeHasNoEmbeddings)

    public var description: String {
        switch code {
        case .storeHasEmbeddings:
            return "this store was built with embeddings: ingest into it with the encoder (without --no-embedding), "
                + "or into a new store"
        case .storeHasNoEmbeddings:
            return "this store was built without embeddings (--no-embedding): ingest into it the same way, "
                + "or into a new store"
        }
    }
}

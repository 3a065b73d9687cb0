/// A named entity found in an article: a person, place, organisation or other proper name.
public struct EntityMention: Sendable, Hashable, Codable {
    /// The longest surface form seen in the article, e.g. `Hakan Çalhanoğlu`.
    public var surface: String
    /// The folded key used for matching across articles and scripts, e.g. `hakan calhanoglu`.
    public var key: String
    /// How many times the entity is mentioned (surname-only mentions count for the full name).
    public var count: Int

    public init(surface: String, key: String, count: Int) {
        self.surface = surface
        self.key = key
        self.count = count
    }
}

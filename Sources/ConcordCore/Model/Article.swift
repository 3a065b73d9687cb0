import Foundation

/// A news article as it arrives: raw fields, before normalization and feature extraction.
public struct Article: Sendable, Hashable, Codable {
    /// The article's id: given by the input, or derived from its URL or a hash of its content.
    public var id: String
    public var url: String?
    /// The outlet, e.g. `vov.vn` or `Reuters`.
    public var source: String?
    public var title: String
    public var text: String
    /// The publication time, when known.
    public var published: Date?
    /// The language the input declares (ISO 639-1), when it declares one.
    public var declaredLanguage: String?

    /// The primary subtag of the declared language (`pt` of `pt-br`, `fil` of `fil`), as languages are compared.
    public var declaredPrimaryLanguage: String? {
        declaredLanguage.map { String($0.prefix { $0 != "-" && $0 != "_" }) }
    }

    public init(
        id: String,
        url: String? = nil,
        source: String? = nil,
        title: String = "",
        text: String,
        published: Date? = nil,
        declaredLanguage: String? = nil
    ) {
        self.id = id
        self.url = url
        self.source = source
        self.title = title
        self.text = text
        self.published = published
        self.declaredLanguage = declaredLanguage
    }
}

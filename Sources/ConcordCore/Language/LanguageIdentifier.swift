/// A language identification stage.
public protocol LanguageIdentifier: Sendable {
    /// The most likely language of `text`, or nil when the text gives nothing to go on.
    func identify(_ text: String) -> LanguageGuess?
}

/// A language guess: an ISO 639-1 code (or the identifier's own code where none exists) and a confidence.
public struct LanguageGuess: Sendable, Hashable, Codable {
    public var code: String
    /// Between 0 and 1.
    public var confidence: Double
    /// Which identifier decided, e.g. `fasttext`, `cld2`, `declared`.
    public var method: String

    public init(code: String, confidence: Double, method: String) {
        self.code = code
        self.confidence = confidence
        self.method = method
    }
}

/// An identifier that always answers with the language the caller declares, or `und`.
///
/// For tests and for inputs whose language is known.
public struct FixedLanguageIdentifier: LanguageIdentifier {
    public var code: String
    public init(_ code: String) { self.code = code }
    public func identify(_ text: String) -> LanguageGuess? {
        LanguageGuess(code: code, confidence: 1, method: "fixed")
    }
}

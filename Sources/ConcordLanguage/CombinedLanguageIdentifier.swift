import ConcordCore

/// fastText first; CLD2 as a second opinion on short or low-confidence text.
///
/// When fastText is unsure (confidence below ``Configuration/minimumConfidence``) or the text is short,
/// CLD2 is asked too; if CLD2 is reliable and disagrees with a weak fastText guess, CLD2's answer wins.
public struct CombinedLanguageIdentifier: LanguageIdentifier {
    public struct Configuration: Sendable {
        /// Below this fastText confidence, ask CLD2. Default 0.6.
        public var minimumConfidence: Double = 0.6
        /// Texts with fewer characters than this are "short". Default 60.
        public var shortText: Int = 60
        /// Characters of text given to the identifiers. Default 2,000.
        public var maxCharacters: Int = 2_000
        public init() {}
    }

    public var primary: FastTextLanguageIdentifier
    public var secondary: CLD2LanguageIdentifier
    public var configuration: Configuration

    public init(primary: FastTextLanguageIdentifier, configuration: Configuration = .init()) {
        self.primary = primary
        self.secondary = CLD2LanguageIdentifier()
        self.configuration = configuration
    }

    /// Loads fastText from the models folder.
    public init(modelsDirectory: String, configuration: Configuration = .init()) throws(LanguageModelError) {
        self.init(
            primary: try FastTextLanguageIdentifier(modelPath: modelsDirectory + "/lid.176.ftz"),
            configuration: configuration)
    }

    public func identify(_ text: String) -> LanguageGuess? {
        let sample = String(text.prefix(configuration.maxCharacters))
        let first = primary.identify(sample)
        if let first, first.confidence >= configuration.minimumConfidence, sample.count >= configuration.shortText {
            return first
        }
        guard let second = secondary.identify(sample), second.code != "un" else { return first }
        guard let first else { return second }
        if first.code == second.code {
            return LanguageGuess(
                code: first.code, confidence: max(first.confidence, second.confidence),
                method: "fasttext+cld2")
        }
        return second.confidence > first.confidence ? second : first
    }
}

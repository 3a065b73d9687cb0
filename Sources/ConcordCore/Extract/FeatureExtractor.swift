import Foundation

/// Turns an article into ``ArticleFeatures``: normalize, identify the language, tokenize and stem,
/// find entities, numbers and dates, estimate the event date.
///
/// The dense embedding is added by the caller (the encoder lives in its own module).
public struct FeatureExtractor: Sendable {
    public struct Configuration: Sendable {
        /// Characters of body text used for terms, entities, numbers and dates: the lead carries the
        /// event, later paragraphs mostly background. Default 800 (measured on the dev sets).
        public var maxTextCharacters: Int = 800
        /// Characters of body text whose words become terms (the TF-IDF vector). Default 800.
        public var maxTermCharacters: Int = 800
        /// Minimum identifier confidence to prefer the identified language over a declared one. Default 0.5.
        public var declaredLanguageOverride: Double = 0.5
        public init() {}
    }

    public var languageIdentifier: any LanguageIdentifier
    public var configuration: Configuration
    let normalizer = TextNormalizer()
    let tokenizer = WordTokenizer()
    let entities = EntityExtractor()
    let numbers = NumberExtractor()
    let dates = DateExtractor()
    let eventDates = EventDateEstimator()

    public init(languageIdentifier: any LanguageIdentifier, configuration: Configuration = .init()) {
        self.languageIdentifier = languageIdentifier
        self.configuration = configuration
    }

    /// The normalized title and body of an article.
    public func normalized(_ article: Article) -> (title: String, text: String) {
        (normalizer.normalize(article.title), normalizer.normalize(article.text))
    }

    /// Extracts the features of one article.
    ///
    /// - Complexity: O(n) in the length of the text (bounded by ``Configuration/maxTextCharacters``).
    public func features(of article: Article) -> ArticleFeatures {
        let (title, fullText) = normalized(article)
        let text = String(fullText.prefix(configuration.maxTextCharacters))
        let guess = languageIdentifier.identify(title.isEmpty ? text : title + "\n" + text)
        var language = guess?.code ?? article.declaredPrimaryLanguage ?? "und"
        var confidence = guess?.confidence ?? 0
        if let declared = article.declaredPrimaryLanguage, !declared.isEmpty,
            guess == nil || confidence < configuration.declaredLanguageOverride
        {
            language = declared
            confidence = 1
        }
        let titleTerms = terms(title, language: language)
        var termCounts: [String: Float] = [:]
        for t in titleTerms { termCounts[t, default: 0] += 2 }
        let termText = String(fullText.prefix(configuration.maxTermCharacters))
        for t in terms(termText, language: language) { termCounts[t, default: 0] += 1 }

        let joined = title.isEmpty ? text : title + ".\n" + text
        let (dateMentions, yearlessDays) = dates.dates(in: joined, language: language, published: article.published)
        let estimate = eventDates.estimate(mentions: dateMentions, yearless: yearlessDays, published: article.published)
        // An undated article whose event date is missing or coarser than a day keeps the day it names without a
        // year (`ngày 30/1`), to be read against the other side's reported date. (Only undated articles have
        // yearless days: with a publication date they resolve into mentions.)
        let dayPrecise = estimate.map { $0.first == $0.last } ?? false
        let yearless = dayPrecise ? nil : eventDates.yearlessDay(yearlessDays.map(\.day))
        return ArticleFeatures(
            articleID: article.id, language: language, languageConfidence: confidence,
            published: article.published?.timeIntervalSince1970, source: article.source, terms: termCounts,
            entities: entities.entities(in: joined, language: language),
            numbers: numbers.mentions(in: joined, language: language), dates: dateMentions, eventDate: estimate,
            embedding: nil, contentHash: StableHash.hex(title + "\n" + fullText), title: title, yearlessDay: yearless)
    }

    /// The terms of a text: stems where a Snowball stemmer exists; for Vietnamese, syllables and
    /// syllable pairs (Vietnamese words are often two syllables).
    public func terms(_ text: String, language: String) -> [String] {
        let words = tokenizer.tokens(text).filter { $0.count > 1 || !$0.unicodeScalars.allSatisfy(\.isASCII) }
        if language == "vi" {
            var result = words
            if words.count > 1 {
                for i in 0..<(words.count - 1) { result.append(words[i] + "_" + words[i + 1]) }
            }
            return result
        }
        return Stemmer.shared.stem(words, language: language)
    }
}

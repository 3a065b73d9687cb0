import CStemmer
import Foundation

/// Snowball stemmers (libstemmer), one per language, where one exists.
///
/// A libstemmer instance is not thread-safe, so each instance is used under its own lock; the
/// table of instances is built lazily under a lock too.
public final class Stemmer: @unchecked Sendable {
    // Safe because every access to `stemmers` and to each C stemmer happens under `lock`.
    private let lock = NSLock()
    private var stemmers: [String: OpaquePointer?] = [:]

    /// The Snowball algorithm for each ISO 639-1 code.
    public static let algorithms: [String: String] = [
        "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "da": "danish", "nl": "dutch",
        "en": "english", "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
        "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
        "ne": "nepali", "no": "norwegian", "nb": "norwegian", "pt": "portuguese", "ro": "romanian",
        "ru": "russian", "sr": "serbian", "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish",
        "yi": "yiddish",
    ]

    public static let shared = Stemmer()

    public init() {}

    deinit {
        for case let s? in stemmers.values { sb_stemmer_delete(s) }
    }

    /// True when a Snowball stemmer exists for the language.
    public func supports(_ language: String) -> Bool { Self.algorithms[language] != nil }

    /// Stems lower-case words; returns them unchanged when there is no stemmer for the language.
    public func stem(_ words: [String], language: String) -> [String] {
        guard let algorithm = Self.algorithms[language] else { return words }
        lock.lock()
        defer { lock.unlock() }
        let stemmer: OpaquePointer?
        if let cached = stemmers[language] {
            stemmer = cached
        } else {
            stemmer = sb_stemmer_new(algorithm, "UTF_8")
            stemmers[language] = stemmer
        }
        guard let stemmer else { return words }
        return words.map { word in
            var utf8 = Array(word.utf8)
            let count = Int32(utf8.count)
            guard
                let out = utf8.withUnsafeMutableBufferPointer({ buf in
                    buf.baseAddress.flatMap { sb_stemmer_stem(stemmer, $0, count) }
                })
            else { return word }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
        }
    }
}

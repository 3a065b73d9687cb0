import CFastText
import ConcordCore
import Foundation

/// Language identification with fastText's `lid.176.ftz` (176 languages).
///
/// The model is loaded once; prediction is thread-safe (fastText's predict is const).
public final class FastTextLanguageIdentifier: LanguageIdentifier, @unchecked Sendable {
    // Safe: the model is immutable after load and fastText's predictLine only reads it.
    private let model: OpaquePointer

    /// Loads the model.
    ///
    /// - Throws: ``LanguageModelError`` when the file is missing or not a fastText model.
    public init(modelPath: String) throws(LanguageModelError) {
        guard FileManager.default.fileExists(atPath: modelPath) else { throw .missing(modelPath) }
        var message = [CChar](repeating: 0, count: 256)
        guard let handle = cft_load(modelPath, &message, Int32(message.count)) else {
            throw .unreadable(modelPath, detail: String(cBuffer: message))
        }
        model = handle
    }

    deinit { cft_free(model) }

    public func identify(_ text: String) -> LanguageGuess? {
        predictions(text, k: 1).first
    }

    /// The top `k` guesses.
    public func predictions(_ text: String, k: Int) -> [LanguageGuess] {
        guard text.contains(where: { $0.isLetter }) else { return [] }
        var labels = [CChar](repeating: 0, count: 16 * k)
        var probs = [Float](repeating: 0, count: k)
        let n = cft_predict(model, text, Int32(k), &labels, &probs)
        return (0..<Int(n)).map { i in
            let code = String(cBuffer: labels[(i * 16)..<(i * 16 + 16)])
            return LanguageGuess(code: code, confidence: Double(min(1, probs[i])), method: "fasttext")
        }
    }
}

/// A language model file that could not be used.
public struct LanguageModelError: Error, Sendable, CustomStringConvertible {
    enum Code: Sendable { case missing, unreadable }
    let code: Code
    public var path: String
    public var detail: String?

    static func missing(_ path: String) -> Self { .init(code: .missing, path: path, detail: nil) }
    static func unreadable(_ path: String, detail: String) -> Self {
        .init(code: .unreadable, path: path, detail: detail)
    }

    public var description: String {
        switch code {
        case .missing:
            return "language model not found at \(path): run scripts/setup.sh (or set CONCORD_MODELS)"
        case .unreadable:
            return "cannot load language model \(path): \(detail ?? "unknown error"); re-run scripts/setup.sh"
        }
    }
}

import ConcordCore
import ConcordEncoder
import Foundation

/// The native multilingual-e5-small encoder as the pipeline's `TextEmbedder`.
public struct EncoderEmbedder: TextEmbedder {
    public let encoder: TextEncoder

    public init(encoder: TextEncoder) { self.encoder = encoder }

    public func embed(_ texts: [String]) -> [[Float]] { encoder.embed(texts) }
}

/// Where the model files are: one rule for every front end.
public enum ModelsFolder {
    /// `explicit` when given, else `TextEncoder.defaultModelsDirectory(environment:)` (`$CONCORD_MODELS`,
    /// `$XDG_CACHE_HOME/concord/models`, `~/.cache/concord/models`).
    public static func path(explicit: String? = nil) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        return TextEncoder.defaultModelsDirectory()
    }
}

/// An error raised while loading the encoder model.
///
/// Every error names the model file it concerns and, when the fix is to (re)install the model, the setup
/// command that does it.
///
/// ```swift
/// do {
///     let encoder = try TextEncoder()
/// } catch let error as EncoderError {
///     print(error)  // "Encoder model not found at ... Run scripts/setup.sh ..."
/// }
/// ```
public struct EncoderError: Error, Sendable, CustomStringConvertible, Equatable {
    private enum Code: Sendable, Equatable {
        case modelNotFound
        case unreadable
        case truncated
        case wrongMagic
        case unsupportedFormat
    }

    private let code: Code

    /// The model file the error concerns.
    public let path: String

    /// What went wrong, in words.
    public let detail: String

    private init(_ code: Code, path: String, detail: String) {
        self.code = code
        self.path = path
        self.detail = detail
    }

    /// The setup command that downloads and installs the models.
    public static let setupCommand = "scripts/setup.sh"

    /// The model file does not exist.
    public static func modelNotFound(path: String) -> EncoderError {
        EncoderError(
            .modelNotFound, path: path,
            detail: "Encoder model not found at \(path). Run \(setupCommand) to install the models, "
                + "or set CONCORD_MODELS to the directory that holds \(TextEncoder.modelFileName).")
    }

    /// The model file exists but cannot be opened or mapped.
    public static func unreadable(path: String, reason: String) -> EncoderError {
        EncoderError(.unreadable, path: path, detail: "Cannot read the encoder model at \(path): \(reason).")
    }

    /// The model file ends before the data its header announces.
    public static func truncated(path: String, section: String, needed: Int, size: Int) -> EncoderError {
        EncoderError(
            .truncated, path: path,
            detail: "The encoder model at \(path) is truncated: \(section) needs \(needed) bytes but the file "
                + "has \(size). Run \(setupCommand) to reinstall it.")
    }

    /// The file does not start with the packed-model magic `E5S1`.
    public static func wrongMagic(path: String, found: [UInt8]) -> EncoderError {
        let shown = found.map { byte in
            (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
        }.joined()
        return EncoderError(
            .wrongMagic, path: path,
            detail: "\(path) is not a packed e5 encoder model (magic \"\(shown)\", expected \"E5S1\"). "
                + "Run \(setupCommand) to install the right file.")
    }

    /// The file is a packed model, but of a version or shape this encoder does not support.
    public static func unsupportedFormat(path: String, reason: String) -> EncoderError {
        EncoderError(.unsupportedFormat, path: path, detail: "Unsupported encoder model at \(path): \(reason).")
    }

    /// Whether this error says the model file is missing.
    public var isModelNotFound: Bool { code == .modelNotFound }

    /// Whether this error says the model file is cut short.
    public var isTruncated: Bool { code == .truncated }

    /// Whether this error says the file is not a packed model at all.
    public var isWrongMagic: Bool { code == .wrongMagic }

    public var description: String { detail }
}

/// A storage failure, named for a person: which store, what went wrong, in words (never an SQL error code).
public struct StoreError: Error, Sendable, CustomStringConvertible {
    enum Code: Sendable { case cannotOpen, query, damaged }
    let code: Code
    public var path: String
    public var detail: String

    public static func cannotOpen(_ path: String, detail: String) -> Self {
        .init(code: .cannotOpen, path: path, detail: detail)
    }

    public static func query(_ path: String, detail: String) -> Self {
        .init(code: .query, path: path, detail: detail)
    }

    /// The store's content contradicts itself.
    public static func damaged(_ path: String, detail: String) -> Self {
        .init(code: .damaged, path: path, detail: detail)
    }

    public var description: String {
        switch code {
        case .cannotOpen: return "cannot open the store at \(path): \(detail)"
        case .query: return "store \(path): \(detail)"
        case .damaged: return "the store at \(path) is damaged: \(detail)"
        }
    }
}

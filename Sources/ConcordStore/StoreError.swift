/// A storage failure, named for a person: which store, what went wrong.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    enum Code: Sendable { case cannotOpen, query }
    let code: Code
    public var path: String
    public var detail: String

    public static func cannotOpen(_ path: String, underlying: any Error) -> Self {
        .init(code: .cannotOpen, path: path, detail: "\(underlying)")
    }

    public static func query(_ path: String, underlying: any Error) -> Self {
        .init(code: .query, path: path, detail: "\(underlying)")
    }

    public var description: String {
        switch code {
        case .cannotOpen: return "cannot open the store at \(path): \(detail)"
        case .query: return "store \(path): \(detail)"
        }
    }
}

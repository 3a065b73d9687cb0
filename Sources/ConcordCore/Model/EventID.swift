/// The stable id of an event.
///
/// An event's id is derived from the id of the article that opened it, so the same input gives the
/// same ids on every run. When two events merge, the older id survives.
public struct EventID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The id of an event opened by the article with the given id.
    public init(openedBy articleID: String) {
        self.rawValue = "ev-" + StableHash.hex(articleID, length: 10)
    }

    public var description: String { rawValue }
    public static func < (a: EventID, b: EventID) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// A hash that is the same on every run and every machine (unlike `Hasher`).
public enum StableHash {
    /// 64-bit FNV-1a of the UTF-8 bytes.
    public static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// FNV-1a followed by the SplitMix64 finalizer, so that every input bit moves every output bit.
    public static func mixed(_ s: String) -> UInt64 {
        var z = fnv1a(s) &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The hash as `length` lower-case hex digits (at most 16).
    public static func hex(_ s: String, length: Int = 16) -> String {
        let full = String(mixed(s), radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - full.count)) + full
        return String(padded.prefix(length))
    }
}

import Foundation

/// A sparse vector over interned term ids, kept sorted by id.
///
/// Sorted ids make a dot product a merge walk: no hashing, O(a + b).
public struct SparseVector: Sendable, Hashable {
    public private(set) var ids: [Int32] = []
    public private(set) var values: [Float] = []

    public init() {}

    /// A vector from unsorted (id, value) pairs; values of repeated ids add up.
    public init(_ pairs: [(Int32, Float)]) {
        let sorted = pairs.sorted { $0.0 < $1.0 }
        ids.reserveCapacity(sorted.count)
        values.reserveCapacity(sorted.count)
        for (id, v) in sorted {
            if ids.last == id {
                values[values.count - 1] += v
            } else {
                ids.append(id)
                values.append(v)
            }
        }
    }

    /// The same ids with `transform` applied to each value.
    public func mapValues(_ transform: (Float) -> Float) -> SparseVector {
        var copy = self
        copy.values = values.map(transform)
        return copy
    }

    public var isEmpty: Bool { ids.isEmpty }
    public var count: Int { ids.count }

    /// Adds another vector to this one.
    ///
    /// - Complexity: O(a + b).
    public mutating func add(_ other: SparseVector) {
        if other.isEmpty { return }
        if isEmpty {
            self = other
            return
        }
        var newIDs: [Int32] = [], newValues: [Float] = []
        newIDs.reserveCapacity(ids.count + other.ids.count)
        newValues.reserveCapacity(ids.count + other.ids.count)
        var i = 0, j = 0
        while i < ids.count || j < other.ids.count {
            if j == other.ids.count || (i < ids.count && ids[i] < other.ids[j]) {
                newIDs.append(ids[i]); newValues.append(values[i]); i += 1
            } else if i == ids.count || other.ids[j] < ids[i] {
                newIDs.append(other.ids[j]); newValues.append(other.values[j]); j += 1
            } else {
                newIDs.append(ids[i]); newValues.append(values[i] + other.values[j]); i += 1; j += 1
            }
        }
        ids = newIDs
        values = newValues
    }

    /// The dot product.
    ///
    /// - Complexity: O(a + b).
    public func dot(_ other: SparseVector) -> Double {
        var sum = 0.0
        var i = 0, j = 0
        while i < ids.count && j < other.ids.count {
            if ids[i] == other.ids[j] {
                sum += Double(values[i]) * Double(other.values[j])
                i += 1
                j += 1
            } else if ids[i] < other.ids[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// The vector with every coordinate multiplied by `weight(id)`, scaled to unit length.
    public func weightedUnit(_ weight: (Int32) -> Double) -> SparseVector {
        var copy = self
        var norm = 0.0
        for k in copy.values.indices {
            let v = Double(copy.values[k]) * weight(copy.ids[k])
            copy.values[k] = Float(v)
            norm += v * v
        }
        guard norm > 0 else { return copy }
        let scale = Float(1 / norm.squareRoot())
        for k in copy.values.indices { copy.values[k] *= scale }
        return copy
    }

}

/// Interns strings as dense ids, in first-seen order.
public struct TermVocabulary: Sendable, Hashable {
    private var ids: [String: Int32] = [:]
    public private(set) var terms: [String] = []

    public init() {}

    /// A vocabulary whose ids are the positions of `terms` (a stored vocabulary read back).
    public init(terms: [String]) {
        self.terms = terms
        ids = Dictionary(terms.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
    }

    public mutating func intern(_ term: String) -> Int32 {
        if let id = ids[term] { return id }
        let id = Int32(terms.count)
        ids[term] = id
        terms.append(term)
        return id
    }

    public func id(_ term: String) -> Int32? { ids[term] }

    /// The article's terms as a vector of `log(1 + count)`.
    ///
    /// New terms are interned in sorted order, so ids (and the order of floating-point sums over them) are the
    /// same in every process.
    public mutating func vector(_ terms: [String: Float]) -> SparseVector {
        SparseVector(terms.sorted { $0.key < $1.key }.map { (intern($0.key), log1pf($0.value)) })
    }
}

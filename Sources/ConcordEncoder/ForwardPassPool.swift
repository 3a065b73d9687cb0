import Foundation

/// Idle forward passes kept between ``TextEncoder/embed(_:)`` calls, so that their scratch buffers (about 32 MB
/// each at the default chunk size) are allocated once rather than on every call.
final class ForwardPassPool: @unchecked Sendable {
    // @unchecked: `idle` is only touched under `lock`; a pass is used by one thread at a time, between `take` and
    // `give`.

    private let weights: ModelWeights
    private let capacity: Int
    private let lock = NSLock()
    private var idle: [ForwardPass] = []

    init(weights: ModelWeights, capacity: Int) {
        self.weights = weights
        self.capacity = capacity
    }

    /// An idle pass, or a new one.
    func take() -> ForwardPass {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast() ?? ForwardPass(weights: weights, capacity: capacity)
    }

    /// Returns a pass for reuse; at most `limit` idle passes are kept.
    func give(_ pass: ForwardPass, limit: Int) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < limit { idle.append(pass) }
    }
}

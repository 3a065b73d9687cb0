import Foundation

/// Idle forward passes kept between ``TextEncoder/embed(_:)`` calls, so that their scratch buffers (about 16 KB
/// per token of capacity: 32 MB at the default chunk size) are allocated once rather than on every call.
///
/// A call asks for the capacity its chunks need, so a small call (one short text) makes or takes a small pass;
/// many concurrent small calls therefore do not each hold a full-size pass.
final class ForwardPassPool: @unchecked Sendable {
    // @unchecked: `idle` is only touched under `lock`; a pass is used by one thread at a time, between `take` and
    // `give`.

    private let weights: ModelWeights
    private let lock = NSLock()
    private var idle: [ForwardPass] = []

    init(weights: ModelWeights) {
        self.weights = weights
    }

    /// An idle pass of at least `capacity` tokens (the smallest such), or a new one of that capacity; in the
    /// latter case one idle pass that is too small is released, so the live passes stay bounded.
    func take(capacity: Int) -> ForwardPass {
        lock.lock()
        let fitting = idle.indices.filter { idle[$0].capacity >= capacity }
        let pass = fitting.min { idle[$0].capacity < idle[$1].capacity }.map { idle.remove(at: $0) }
        if pass == nil && !idle.isEmpty { idle.removeLast() }
        lock.unlock()
        return pass ?? ForwardPass(weights: weights, capacity: capacity)
    }

    /// Returns a pass for reuse. At most `limit` idle passes are kept, the largest ones.
    func give(_ pass: ForwardPass, limit: Int) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < limit {
            idle.append(pass)
        } else if let smallest = idle.indices.min(by: { idle[$0].capacity < idle[$1].capacity }),
            idle[smallest].capacity < pass.capacity
        {
            idle[smallest] = pass
        }
    }
}

import Foundation
import Synchronization

extension TextEncoder {
    /// Runs the forward passes of `plan` on up to ``Configuration/threadCount`` threads, then combines each
    /// text's windows and L2-normalizes.
    ///
    /// The chunk budget shrinks for small batches so that every thread gets work: it is the smaller of
    /// ``Configuration/tokensPerChunk`` and the batch's tokens divided by the thread count (never below 512).
    /// Threads pull chunks from a shared counter, so uneven chunks balance out.
    ///
    /// - Complexity: O(*T* · *p* + Σ *L*² · H), see ``embed(_:)``.
    func run(_ plan: EmbeddingPlan) -> [[Float]] {
        guard plan.textCount > 0 else { return [] }
        let hidden = Self.dimension
        let threads = configuration.threadCount
        let share = (plan.tokenCount + threads - 1) / threads
        let budget = min(configuration.tokensPerChunk, max(weights.header.maxPositions, share))
        let chunks = plan.chunks(budget: budget)
        let capacity = chunks.map(\.tokens.count).max() ?? budget
        let means = WindowMeans(capacity: plan.windows.count * hidden)
        defer { means.pointer.deallocate() }

        let next = Atomic<Int>(0)
        let workers = min(threads, chunks.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let pass = passes.take(capacity: capacity)
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < chunks.count else { break }
                let chunk = chunks[index]
                let output = means.pointer + chunk.firstWindow * hidden
                pass.run(tokens: chunk.tokens, segments: chunk.segments, into: output)
            }
            passes.give(pass, limit: threads)
        }
        return combine(plan, means: means.pointer)
    }

    /// Each text's weighted mean over its windows, L2-normalized (the squared norm is floored at 1e-12).
    private func combine(_ plan: EmbeddingPlan, means: UnsafePointer<Float>) -> [[Float]] {
        let hidden = Self.dimension
        var vectors = [[Float]](repeating: [Float](repeating: 0, count: hidden), count: plan.textCount)
        var weights = [Double](repeating: 0, count: plan.textCount)
        for (index, window) in plan.windows.enumerated() {
            let mean = means + index * hidden
            vectors[window.text].withUnsafeMutableBufferPointer { vector in
                for column in 0..<hidden { vector[column] += window.weight * mean[column] }
            }
            weights[window.text] += Double(window.weight)
        }
        for text in vectors.indices {
            let inverseWeight = weights[text] > 0 ? Float(1 / weights[text]) : 1
            vectors[text].withUnsafeMutableBufferPointer { vector in
                var squared: Float = 0
                for column in 0..<hidden {
                    vector[column] *= inverseWeight
                    squared += vector[column] * vector[column]
                }
                let scale = 1 / max(squared, 1e-12).squareRoot()
                for column in 0..<hidden { vector[column] *= scale }
            }
        }
        return vectors
    }
}

/// The mean vector of every window of a batch, written by the worker threads.
private struct WindowMeans: @unchecked Sendable {
    // @unchecked: each chunk writes only its own windows' rows, and the rows are read after all workers finished.
    let pointer: UnsafeMutablePointer<Float>

    init(capacity: Int) {
        pointer = .allocate(capacity: capacity)
    }
}

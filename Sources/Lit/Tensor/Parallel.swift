import Foundation

/// Splits work across the machine's cores when there is enough of it to pay for waking
/// a second thread (a few microseconds).
enum Parallel {
    nonisolated(unsafe) static var threadCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 64))

    /// Below this many elements of work one thread is faster.
    static let minimumWork = 1 << 15

    /// How many chunks to cut `count` items into, given roughly how many elements the
    /// whole job touches.
    static func chunkCount(_ count: Int, work: Int) -> Int {
        min(count, work >= minimumWork ? threadCount : 1)
    }

    /// Calls `body` on disjoint chunks covering `0..<count`, in parallel when `work`
    /// is large enough.
    static func forEachChunk(_ count: Int, work: Int, _ body: (Range<Int>) -> Void) {
        forEach(chunks: chunkCount(count, work: work), of: count) { _, range in body(range) }
    }

    /// Calls `body(chunk, range)` for `chunks` near-equal parts of `0..<count`.
    static func forEach(chunks: Int, of count: Int, _ body: (Int, Range<Int>) -> Void) {
        guard chunks > 1 else {
            if count > 0 { body(0, 0..<count) }
            return
        }
        WorkerPool.shared.run(chunks: chunks) { chunk in
            let lower = count * chunk / chunks, upper = count * (chunk + 1) / chunks
            if lower < upper { body(chunk, lower..<upper) }
        }
    }
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Sets how many threads the tensor kernels (and BLAS) use.
public func setThreadCount(_ count: Int) {
    Parallel.threadCount = max(1, count)
    BLAS.setThreadCount(Parallel.threadCount)
}


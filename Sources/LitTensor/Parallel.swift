import Foundation
import LitKernels

/// Splits work across the machine's cores when there is enough of it to pay for the
/// hand-off. Loops run on OpenMP's thread team, the same one oneDNN's convolutions use,
/// so there is one set of worker threads in the process rather than two competing.
package enum Parallel {
    package nonisolated(unsafe) static var threadCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 64))

    /// Caps the threads of the loops run inside `withValue`, as on a machine with fewer
    /// cores; tests use it to check that results do not depend on the core count.
    @TaskLocal package static var threadLimit = Int.max

    /// Below this many elements of work one thread is faster.
    package static let minimumWork = 1 << 15

    /// How many chunks to cut `count` items into, given roughly how many elements the
    /// whole job touches.
    package static func chunkCount(_ count: Int, work: Int) -> Int {
        min(count, work >= minimumWork ? min(threadCount, threadLimit) : 1)
    }

    /// Calls `body` on disjoint chunks covering `0..<count`, in parallel when `work`
    /// is large enough.
    package static func forEachChunk(_ count: Int, work: Int, _ body: (Range<Int>) -> Void) {
        forEach(chunks: chunkCount(count, work: work), of: count) { _, range in body(range) }
    }

    /// Calls `body(chunk, range)` for `chunks` near-equal parts of `0..<count`, on up to
    /// `threadCount` threads. Chunks may outnumber threads: a reduction that must give
    /// the same bits on every machine cuts its work the same way everywhere.
    package static func forEach(chunks: Int, of count: Int, _ body: (Int, Range<Int>) -> Void) {
        guard chunks > 1 else {
            if count > 0 { body(0, 0..<count) }
            return
        }
        withoutActuallyEscaping(body) { body in
            var task: (Int) -> Void = { chunk in
                let lower = count * chunk / chunks, upper = count * (chunk + 1) / chunks
                if lower < upper { body(chunk, lower..<upper) }
            }
            let ranOnOpenMP = withUnsafeMutablePointer(to: &task) { task in
                lk_openmp_parallel(chunks, Int32(min(chunks, threadCount, threadLimit)), { context, chunk in
                    context!.assumingMemoryBound(to: ((Int) -> Void).self).pointee(chunk)
                }, task) == 0
            }
            if !ranOnOpenMP { for chunk in 0..<chunks { task(chunk) } }
        }
    }
}

/// Sets how many threads the tensor kernels (and BLAS) use.
public func setThreadCount(_ count: Int) {
    Parallel.threadCount = max(1, count)
    BLAS.setThreadCount(Parallel.threadCount)
}


/// Keeps the calling thread and its OpenMP workers each on a CPU of their own, for a
/// thread that will run many tensor operations (the one that runs a chapter's cells).
/// Some schedulers move a waking thread onto the CPU of the thread that woke it; after an
/// idle spell a worker would then queue behind the very thread waiting for it, and an
/// operation of 40 µs could take milliseconds.
public func bindComputeThread() {
    _ = lk_openmp_bind_threads(Int32(Parallel.threadCount))
}

import Foundation

/// A reference-counted buffer of floats that tensors (and their views) share.
/// Large buffers come from and go back to `BufferPool`, so a training loop reuses the
/// same memory every step instead of paying for fresh pages.
package final class TensorStorage: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Float>
    package let count: Int

    /// Uninitialized storage; every kernel writes all of its output.
    package init(count: Int) {
        self.count = count
        base = BufferPool.shared.take(count)
    }

    /// Storage filled with `value`.
    package convenience init(count: Int, repeating value: Float) {
        self.init(count: count)
        base.initialize(repeating: value, count: count)
    }

    deinit {
        BufferPool.shared.give(base, count: count)
    }

    /// Calls `body` with the address of element `offset`; the buffer lives at least until
    /// `body` returns, so the address must not escape it.
    package func withUnsafeMutablePointer<R, E>(
        at offset: Int, _ body: (UnsafeMutablePointer<Float>) throws(E) -> R
    ) throws(E) -> R {
        defer { withExtendedLifetime(self) {} }
        return try body(base + offset)
    }
}

/// Keeps freed large buffers by exact size, up to a byte limit, for reuse.
private final class BufferPool: @unchecked Sendable {
    static let shared = BufferPool()

    /// Smaller buffers go straight to malloc, which is fast for them.
    static let minimumPooledCount = 4096
    static let maximumPooledBytes = 1 << 30

    private let lock = NSLock()
    private var free: [Int: [UnsafeMutablePointer<Float>]] = [:]
    private var pooledBytes = 0

    func take(_ count: Int) -> UnsafeMutablePointer<Float> {
        if count >= BufferPool.minimumPooledCount {
            lock.lock()
            let reused = free[count]?.popLast()
            if reused != nil { pooledBytes -= count * MemoryLayout<Float>.stride }
            lock.unlock()
            if let reused { return reused }
        }
        let bytes = Swift.max(1, count) * MemoryLayout<Float>.stride
        // 64-byte alignment suits every vector width the kernels use. Buffers of a few
        // megabytes and more go on 2 MB pages where the kernel allows: one TLB entry
        // then covers what would take 512.
        let hugePage = 2 << 20
        let alignment = bytes >= hugePage ? hugePage : 64
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, alignment, bytes) == 0, let raw else {
            fatalError("out of memory allocating \(count) floats")
        }
        if bytes >= hugePage { _ = madvise(raw, (bytes / hugePage) * hugePage, MADV_HUGEPAGE) }
        return raw.bindMemory(to: Float.self, capacity: Swift.max(1, count))
    }

    func give(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
        let bytes = count * MemoryLayout<Float>.stride
        var kept = false
        if count >= BufferPool.minimumPooledCount {
            lock.lock()
            if pooledBytes + bytes <= BufferPool.maximumPooledBytes {
                free[count, default: []].append(pointer)
                pooledBytes += bytes
                kept = true
            }
            lock.unlock()
        }
        if !kept { Foundation.free(pointer) }
    }
}

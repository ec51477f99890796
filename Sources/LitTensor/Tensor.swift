import Foundation
import Synchronization

/// An n-dimensional array of `Float`s, row-major (NCHW for images), that can take part
/// in reverse-mode automatic differentiation.
///
/// A tensor is a class because the autograd graph and the optimizers need identity:
/// `.grad` belongs to one particular parameter. Every operation returns a new, contiguous
/// tensor; views (`reshape`, indexing, `detached()`) share storage with their source.
/// Gradient buffers are never changed in place, so sharing them is safe.
public final class Tensor {
    public let shape: [Int]
    public let count: Int
    /// The values, shared with the views of this tensor; `offset` is where they start.
    private let storage: TensorStorage
    private let offset: Int
    /// True for trainable leaves (`Parameter(t)`) and for results computed from them.
    public internal(set) var requiresGrad: Bool
    /// The accumulated gradient of a trainable leaf; nil until a backward pass reaches it.
    public var grad: Tensor?
    /// How this tensor was computed, when a gradient has to flow through it.
    package var gradientNode: GradientNode?
    /// Which values can be nonzero, as of the stamp: see `support`.
    var declaredSupport: (support: PeriodicSupport, stamp: ValuesStamp)?

    private init(shape: [Int], storage: TensorStorage, offset: Int = 0, requiresGrad: Bool = false) {
        self.shape = shape
        self.count = shape.reduce(1, *)
        self.storage = storage
        self.offset = offset
        self.requiresGrad = requiresGrad
    }

    /// A tensor whose values the caller is about to write.
    package convenience init(uninitializedShape shape: [Int]) {
        self.init(shape: shape, storage: TensorStorage(count: shape.reduce(1, *)))
    }

    public convenience init(shape: [Int], repeating value: Float) {
        self.init(shape: shape, storage: TensorStorage(count: shape.reduce(1, *), repeating: value))
    }

    public convenience init(shape: [Int], scalars: [Float]) {
        precondition(shape.reduce(1, *) == scalars.count, "shape \(shape) does not hold \(scalars.count) values")
        self.init(uninitializedShape: shape)
        withUnsafeMutableBufferPointer { _ = $0.initialize(from: scalars) }
    }

    /// A rank-0 tensor holding one value.
    public convenience init(_ value: Float) {
        self.init(shape: [], scalars: [value])
    }

    public var rank: Int { shape.count }

    public var scalars: [Float] { withUnsafeBufferPointer { Array($0) } }

    /// A trainable leaf that shares `self`'s values, as `nn.Parameter(t)` does.
    public static func parameter(_ tensor: Tensor) -> Tensor {
        Tensor(shape: tensor.shape, storage: tensor.storage, offset: tensor.offset, requiresGrad: true)
    }

    /// The same values, cut off from the gradient graph.
    public func detached() -> Tensor {
        Tensor(shape: shape, storage: storage, offset: offset)
    }

    /// The same values in fresh storage, cut off from the gradient graph.
    package func copy() -> Tensor {
        let copy = Tensor(uninitializedShape: shape)
        withUnsafeMutablePointers(self, copy) { source, copy in copy.update(from: source, count: count) }
        return copy
    }

    /// Before an update in place that the graph records: a tensor that takes over this
    /// one's place in the graph (its node and whether it needs a gradient), so that the
    /// gradient of the version before the update still reaches what it came from.
    package func versionBeforeUpdate() -> Tensor {
        let earlier = Tensor(shape: shape, storage: storage, offset: offset, requiresGrad: requiresGrad)
        earlier.gradientNode = gradientNode
        return earlier
    }

    /// A view of `shape` onto the values from element `start` on, sharing them: a change
    /// through one is seen through the other.
    package func view(shape: [Int], startingAt start: Int = 0) -> Tensor {
        precondition(start >= 0 && start + shape.reduce(1, *) <= storage.count - offset, "a view past the end of the values")
        return Tensor(shape: shape, storage: storage, offset: offset + start)
    }

    /// Calls `body` with the address of the first value; the tensor stays alive until
    /// `body` returns, and the address must not escape it.
    package func withUnsafePointer<R, E>(_ body: (UnsafePointer<Float>) throws(E) -> R) throws(E) -> R {
        try storage.withUnsafeMutablePointer(at: offset) { (pointer) throws(E) in try body(pointer) }
    }

    /// Writing is allowed through this address: kernels fill a fresh output this way.
    package func withUnsafeMutablePointer<R, E>(_ body: (UnsafeMutablePointer<Float>) throws(E) -> R) throws(E) -> R {
        // Before and after: a stamp taken while `body` runs is not the stamp of the result.
        storage.writes &+= 1
        defer { storage.writes &+= 1 }
        return try storage.withUnsafeMutablePointer(at: offset, body)
    }

    /// Changes whenever the values may have changed: every writable access to the buffer,
    /// through this tensor or any view of it, gives a new stamp. Caches of values derived
    /// from a tensor (the convolutions' plane matrices) compare stamps to stay current.
    package var valuesStamp: ValuesStamp { ValuesStamp(buffer: storage.serial, offset: offset, writes: storage.writes) }

    package struct ValuesStamp: Hashable, Sendable {
        /// Unique to one buffer for the life of the process, unlike its address.
        let buffer: UInt64
        let offset: Int
        let writes: UInt64
    }

    /// The one value of a one-element tensor.
    public func item() throws(TensorError) -> Float {
        guard count == 1 else { throw .notOneElement(shape) }
        return withUnsafePointer { $0.pointee }
    }
}

// MARK: - Shared storage, for snapshots

/// What a snapshot needs to keep views as views: the buffer a tensor shares with its
/// views, and a way to rebuild tensors onto one buffer.
extension Tensor {
    /// The buffer's identity: two tensors with the same one see each other's changes.
    package var sharedStorage: AnyObject { storage }

    /// Where this tensor's values start in the shared buffer.
    package var storageOffset: Int { offset }

    /// A tensor covering the whole shared buffer, for saving it once.
    package var wholeStorage: Tensor { Tensor(shape: [storage.count], storage: storage) }

    /// A tensor of `shape` onto `whole`'s buffer from element `start` on (the inverse of
    /// `wholeStorage` and `storageOffset`); nil when it would not fit.
    package static func restoredView(of whole: Tensor, shape: [Int], startingAt start: Int, requiresGrad: Bool) -> Tensor? {
        let count = shape.reduce(1) { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }
        guard shape.allSatisfy({ $0 >= 0 }), start >= 0, count <= whole.storage.count - whole.offset - start else { return nil }
        return Tensor(shape: shape, storage: whole.storage, offset: whole.offset + start, requiresGrad: requiresGrad)
    }
}

/// A reference-counted buffer of floats that tensors (and their views) share.
/// Large buffers come from and go back to `BufferPool`, so a training loop reuses the
/// same memory every step instead of paying for fresh pages.
private final class TensorStorage: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Float>
    let count: Int
    let serial = TensorStorage.serials.add(1, ordering: .relaxed).newValue
    /// How many writable accesses the values have had.
    var writes: UInt64 = 0

    private static let serials = Atomic<UInt64>(0)

    /// Uninitialized storage; every kernel writes all of its output.
    init(count: Int) {
        self.count = count
        base = BufferPool.shared.take(count)
    }

    /// Storage filled with `value`.
    convenience init(count: Int, repeating value: Float) {
        self.init(count: count)
        base.initialize(repeating: value, count: count)
    }

    deinit {
        BufferPool.shared.give(base, count: count)
    }

    /// Calls `body` with the address of element `offset`; the buffer lives at least until
    /// `body` returns, so the address must not escape it.
    func withUnsafeMutablePointer<R, E>(
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

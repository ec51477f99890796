/// Scoped access to a tensor's values. The address handed to `body` is valid only until
/// `body` returns: the tensor and its storage are kept alive for that long and no longer,
/// so no pointer outlives the scope that asked for it.
/// (`withUnsafePointer` and `withUnsafeMutablePointer` live in Tensor.swift, beside the
/// storage they reach.)
extension Tensor {
    package func withUnsafeBufferPointer<R, E>(_ body: (UnsafeBufferPointer<Float>) throws(E) -> R) throws(E) -> R {
        try withUnsafePointer { (pointer) throws(E) in try body(UnsafeBufferPointer(start: pointer, count: count)) }
    }

    package func withUnsafeMutableBufferPointer<R, E>(
        _ body: (UnsafeMutableBufferPointer<Float>) throws(E) -> R
    ) throws(E) -> R {
        try withUnsafeMutablePointer { (pointer) throws(E) in try body(UnsafeMutableBufferPointer(start: pointer, count: count)) }
    }
}

extension Optional where Wrapped == Tensor {
    /// The scoped address of an optional operand (a bias, a gradient nobody asked for):
    /// nil when there is no tensor.
    package func withUnsafeMutablePointer<R, E>(_ body: (UnsafeMutablePointer<Float>?) throws(E) -> R) throws(E) -> R {
        guard let tensor = self else { return try body(nil) }
        return try tensor.withUnsafeMutablePointer { (pointer) throws(E) in try body(pointer) }
    }

    package func withUnsafePointer<R, E>(_ body: (UnsafePointer<Float>?) throws(E) -> R) throws(E) -> R {
        guard let tensor = self else { return try body(nil) }
        return try tensor.withUnsafePointer { (pointer) throws(E) in try body(pointer) }
    }
}

/// The scoped addresses of several tensors at once, for kernels with several operands.
/// C kernels take their inputs as `const float *`, which a mutable address converts to.
package func withUnsafeMutablePointers<R>(
    _ a: Tensor, _ b: Tensor, _ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> R
) -> R {
    a.withUnsafeMutablePointer { a in b.withUnsafeMutablePointer { b in body(a, b) } }
}

package func withUnsafeMutablePointers<R>(
    _ a: Tensor, _ b: Tensor, _ c: Tensor,
    _ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> R
) -> R {
    withUnsafeMutablePointers(a, b) { a, b in c.withUnsafeMutablePointer { c in body(a, b, c) } }
}

package func withUnsafeMutablePointers<R>(
    _ a: Tensor, _ b: Tensor, _ c: Tensor, _ d: Tensor,
    _ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>,
             UnsafeMutablePointer<Float>) -> R
) -> R {
    withUnsafeMutablePointers(a, b, c) { a, b, c in d.withUnsafeMutablePointer { d in body(a, b, c, d) } }
}

import LitKernels

/// In-place updates, for optimizers: they change a parameter's values without recording
/// anything in the gradient graph.
extension Tensor {
    /// `self += alpha * other`, elementwise; the shapes must be equal.
    public func add(_ other: Tensor, scaledBy alpha: Float) throws(TensorError) {
        guard other.shape == shape else { throw .shapeMismatch(op: "add(_:scaledBy:)", shape, other.shape) }
        withUnsafeMutablePointers(other, self) { x, y in
            Parallel.forEachChunk(count, work: count) { range in
                lk_axpy(alpha, x + range.lowerBound, y + range.lowerBound, range.count)
            }
        }
    }
}

/// The largest tensor an operation may make, so that an output whose size multiplies
/// its inputs' (broadcasting, matrix products) is an error rather than an allocation
/// that ends the process. Cells' own tensors and layers stop at the same limit.
extension Tensor {
    static let maximumElementCount = 1 << 31

    /// Throws when a tensor of `shape` would hold more than `maximumElementCount` values.
    static func checkSize(_ shape: [Int], op: String) throws(TensorError) {
        var elements = 1
        for size in shape {
            let (product, overflow) = elements.multipliedReportingOverflow(by: Swift.max(size, 0))
            guard !overflow, product <= maximumElementCount else {
                throw .invalidArgument("'\(op)' would make a tensor of shape \(shape), more than 2^31 elements")
            }
            elements = product
        }
    }
}

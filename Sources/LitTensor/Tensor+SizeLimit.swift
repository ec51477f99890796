/// The largest tensor an operation may make, so that an output whose size multiplies
/// its inputs' (broadcasting, matrix products) is an error rather than an allocation
/// that ends the process. Cells' own tensors and layers stop at the same limit.
extension Tensor {
    package static let maximumElementCount = 1 << 31

    /// Throws when a tensor of `shape` would hold more than `maximumElementCount` values.
    package static func checkSize(_ shape: [Int], op: String) throws(TensorError) {
        guard exceedsSizeLimit(shape) else { return }
        throw .sizeLimitExceeded(op: op, shape: shape)
    }

    /// Whether `shape` holds more than `maximumElementCount` values. With
    /// `countingEmptyDimensionsAsOne`, a 0 does not hide the other sizes (layer sizes, whose
    /// other tensors have them). Stops at the first size past the limit, before a product
    /// can overflow.
    package static func exceedsSizeLimit(_ shape: [Int], countingEmptyDimensionsAsOne: Bool = false) -> Bool {
        var elements = 1
        for size in shape {
            let (product, overflow) = elements.multipliedReportingOverflow(by: Swift.max(size, countingEmptyDimensionsAsOne ? 1 : 0))
            if overflow || product > maximumElementCount { return true }
            elements = product
        }
        return false
    }
}

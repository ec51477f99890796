import LitKernels

/// Element-wise comparisons with broadcasting, spelled `.==`, `.<` and so on in cells as
/// Swift's SIMD types spell them. The result holds 1 where the comparison holds and 0
/// elsewhere, as a Float tensor with no gradient, so `(yHat.argmax(dim: 1) .== y).mean()`
/// is an accuracy. NaN compares unequal to everything, as in IEEE 754 and PyTorch.
extension Tensor {
    public enum Comparison: String, CaseIterable, Sendable {
        case equal = ".=="
        case notEqual = ".!="
        case less = ".<"
        case lessOrEqual = ".<="
        case greater = ".>"
        case greaterOrEqual = ".>="

        var kernel: lk_binary_op {
            switch self {
            case .equal: .LK_EQUAL
            case .notEqual: .LK_NOT_EQUAL
            case .less: .LK_LESS
            case .lessOrEqual: .LK_LESS_EQUAL
            case .greater: .LK_GREATER
            case .greaterOrEqual: .LK_GREATER_EQUAL
            }
        }
    }

    public static func compare(_ a: Tensor, _ comparison: Comparison, _ b: Tensor) throws(TensorError) -> Tensor {
        try combine(comparison.kernel, a, b, comparison.rawValue)
    }

    public static func compare(_ a: Tensor, _ comparison: Comparison, _ b: Float) -> Tensor {
        try! combine(comparison.kernel, a, Tensor(b), comparison.rawValue)
    }

    public static func compare(_ a: Float, _ comparison: Comparison, _ b: Tensor) -> Tensor {
        try! combine(comparison.kernel, Tensor(a), b, comparison.rawValue)
    }
}

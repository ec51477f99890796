#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LitKernels

/// `abs`, `power` (cells spell it `pow(t, p)`), `clamped`, and the whole tensor's variance, standard deviation and norm,
/// with PyTorch's definitions: `variance` and `std` are unbiased (divided by n - 1), and
/// `norm` is the Frobenius norm, the square root of the sum of squares.
extension Tensor {
    public func abs() -> Tensor { unary(.LK_ABS, "abs") }

    /// Each value raised to `exponent`; the gradient is `exponent * x^(exponent - 1)`.
    public func power(_ exponent: Float) -> Tensor {
        if exponent == 2 { return squared() }
        let output = elementwise { powf($0, exponent) }
        guard Tensor.needsGradient(self) else { return output }
        return output.recordGradient("pow", inputs: [self]) { [self] gradient throws(TensorError) in
            [try gradient * self.detached().elementwise { exponent * powf($0, exponent - 1) }]
        }
    }

    /// Each value limited to `[min, max]` (either may be left out). The gradient passes
    /// where the value was inside the bounds, bounds included, as PyTorch's `clamp`.
    public func clamped(min lower: Float? = nil, max upper: Float? = nil) -> Tensor {
        let output = elementwise { value in
            var clamped = value
            if let lower, clamped < lower { clamped = lower }
            if let upper, clamped > upper { clamped = upper }
            return clamped
        }
        guard Tensor.needsGradient(self) else { return output }
        return output.recordGradient("clamp", inputs: [self]) { [self] gradient throws(TensorError) in
            let inside = self.detached().elementwise { value in
                (lower.map { value >= $0 } ?? true) && (upper.map { value <= $0 } ?? true) ? 1 : 0
            }
            return [try gradient * inside]
        }
    }

    /// The unbiased variance of all values, sum((x - mean)²) / (n - 1); NaN for one value.
    public func variance() -> Tensor {
        let deviations = try! self - mean()
        return deviations.squared().sum() / Float(count - 1)
    }

    /// The unbiased standard deviation of all values.
    public func std() -> Tensor { variance().sqrt() }

    /// The square root of the sum of the squares of all values.
    public func norm() -> Tensor { squared().sum().sqrt() }

    /// A new tensor of `transform` applied to each value, with no gradient.
    package func elementwise(_ transform: (Float) -> Float) -> Tensor {
        let output = Tensor(uninitializedShape: shape)
        withUnsafeMutablePointers(self, output) { x, y in
            for index in 0..<count { y[index] = transform(x[index]) }
        }
        return output
    }
}

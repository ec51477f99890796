import Foundation

/// Tensors made from sizes, ranges and random draws. Random tensors draw from the
/// generator passed in, which in a chapter is the one stream seeded by `--seed`.
extension Tensor {
    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 0) }
    public static func ones(_ shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 1) }

    /// 0, 1, ..., n-1.
    public static func arange(_ n: Int) -> Tensor {
        Tensor(shape: [n], scalars: (0..<n).map(Float.init))
    }

    /// Uniform in [0, 1).
    public static func rand<G: RandomNumberGenerator>(_ shape: [Int], using generator: inout G) -> Tensor {
        let output = Tensor(uninitializedShape: shape)
        output.withUnsafeMutableBufferPointer { values in
            for i in values.indices { values[i] = unitFloat(&generator) }
        }
        return output
    }

    /// Standard normal, by the Box–Muller transform.
    public static func randn<G: RandomNumberGenerator>(_ shape: [Int], using generator: inout G) -> Tensor {
        let output = Tensor(uninitializedShape: shape)
        output.drawStandardNormal(using: &generator)
        return output
    }

    /// Overwrites every value with a standard normal draw.
    package func drawStandardNormal<G: RandomNumberGenerator>(using generator: inout G) {
        withUnsafeMutableBufferPointer { values in
            for i in stride(from: 0, to: values.count, by: 2) {
                let u1 = 1 - Double(Tensor.unitFloat(&generator)), u2 = Double(Tensor.unitFloat(&generator))  // u1 in (0, 1]
                let radius = (-2 * Foundation.log(u1)).squareRoot(), angle = 2 * Double.pi * u2
                values[i] = Float(radius * cos(angle))
                if i + 1 < values.count { values[i + 1] = Float(radius * sin(angle)) }
            }
        }
    }

    /// Uniform in [low, high).
    public static func uniform<G: RandomNumberGenerator>(_ shape: [Int], low: Float, high: Float, using generator: inout G) -> Tensor {
        let output = Tensor(uninitializedShape: shape)
        output.drawUniform(low: low, high: high, using: &generator)
        return output
    }

    /// Overwrites every value with a uniform draw in [low, high).
    package func drawUniform<G: RandomNumberGenerator>(low: Float, high: Float, using generator: inout G) {
        withUnsafeMutableBufferPointer { values in
            for i in values.indices { values[i] = low + (high - low) * Tensor.unitFloat(&generator) }
        }
    }

    /// 24 random bits: every float in [0, 1) at spacing 2^-24.
    private static func unitFloat<G: RandomNumberGenerator>(_ generator: inout G) -> Float {
        Float(generator.next() >> 40) * 0x1p-24
    }
}

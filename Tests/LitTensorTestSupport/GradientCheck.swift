import LitDiagnostics
import LitTensor
import Testing

/// Compares the gradients that `backward()` computes with central finite differences.
///
/// The function's output is reduced to a scalar loss as sum(output * W), with fixed random
/// weights W, so that every output element matters and no symmetry hides an error (the plain
/// sum of a normalised output, say, has gradient zero). Each input element is moved by ±h,
/// the loss recomputed (without recording a graph) and accumulated in Double from the
/// Float32 outputs, and (L+ - L-) / (x+ - x-) compared with the analytic gradient:
/// |analytic - numeric| <= absolute + relative * max(|analytic|, |numeric|).
///
/// With h = 1e-2 the truncation error is O(h²) relative for smooth functions, and the Float32
/// rounding of the outputs contributes about 1e-7 * sum|output * W| / h: both far below the
/// default tolerances for the small, well-scaled inputs the tests use.
package enum GradientCheck {
    package struct Mismatch: CustomStringConvertible {
        package let input: Int, element: Int
        package let analytic: Double, numeric: Double
        package var description: String { "input \(input)[\(element)]: analytic \(analytic), numeric \(numeric)" }
    }

    /// Runs f, reduces its output to the loss sum(output * W) and back-propagates it, leaving
    /// the analytic gradients in the inputs' `.grad`. Returns W: fixed random weights in
    /// [-1, 1], or 1 for a one-element output. `inputs` must be parameters.
    package static func backpropagate(_ inputs: [Tensor], seed: UInt64 = 0x5eed, _ f: ([Tensor]) throws -> Tensor) throws -> NaiveTensor {
        precondition(inputs.allSatisfy(\.requiresGrad), "gradient checks need parameters")
        let output = try f(inputs)
        let weights = output.count == 1 ? NaiveTensor(shape: output.shape, repeating: 1) : TestData.uniform(output.shape, -1...1, seed: seed)
        let loss = output.count == 1 ? output.sum() : try (output * weights.tensor()).sum()
        // A parameter checked twice starts from no gradient each time (backward accumulates).
        for input in inputs { input.grad = nil }
        try loss.backward()
        return weights
    }

    /// The mismatches, empty when the gradients agree. `inputs` must be parameters.
    package static func mismatches(_ inputs: [Tensor], h: Float = 1e-2, relative: Double = 1e-2, absolute: Double = 1e-3,
                           seed: UInt64 = 0x5eed, _ f: ([Tensor]) throws -> Tensor) throws -> [Mismatch] {
        let weights = try backpropagate(inputs, seed: seed, f)

        func numericLoss() throws -> Double {
            let out = try GradientMode.withoutGradients { () throws -> Tensor in try f(inputs) }
            return zip(out.scalars, weights.values).reduce(0) { $0 + Double($1.0) * $1.1 }
        }

        var found: [Mismatch] = []
        for (i, input) in inputs.enumerated() {
            let analytic = input.grad?.scalars.map(Double.init)
            if let grad = input.grad, grad.shape != input.shape {
                Issue.record("gradient of input \(i) has shape \(grad.shape), expected \(input.shape)")
                continue
            }
            for j in 0..<input.count {
                let set = { (value: Float) in input.withUnsafeMutableBufferPointer { $0[j] = value } }
                let saved = input.withUnsafeBufferPointer { $0[j] }
                let (plus, minus) = (saved + h, saved - h)
                set(plus)
                let lossPlus = try numericLoss()
                set(minus)
                let lossMinus = try numericLoss()
                set(saved)
                let numeric = (lossPlus - lossMinus) / (Double(plus) - Double(minus))
                let value = analytic?[j] ?? 0
                if analytic == nil && abs(numeric) > absolute {
                    found.append(Mismatch(input: i, element: j, analytic: .nan, numeric: numeric))
                } else if !(abs(value - numeric) <= absolute + relative * max(abs(value), abs(numeric))) {
                    found.append(Mismatch(input: i, element: j, analytic: value, numeric: numeric))
                }
            }
        }
        return found
    }

    /// Records an issue listing the first mismatches, if any.
    package static func check(_ inputs: [Tensor], h: Float = 1e-2, relative: Double = 1e-2, absolute: Double = 1e-3,
                      seed: UInt64 = 0x5eed, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                      _ f: ([Tensor]) throws -> Tensor) throws {
        let found = try mismatches(inputs, h: h, relative: relative, absolute: absolute, seed: seed, f)
        if !found.isEmpty {
            let total = inputs.reduce(0) { $0 + $1.count }
            Issue.record("\(found.count) of \(total) gradient elements disagree: \(found.prefix(6).map(\.description).joined(separator: "; "))",
                         sourceLocation: sourceLocation)
        }
    }
}

extension NaiveTensor {
    /// A trainable engine tensor with these values.
    package func parameter() -> Tensor { Tensor.parameter(tensor()) }
}

import LitDiagnostics
import LitTensor
import LitTensorTestSupport
import Testing

/// Compares the engine's analytic gradients (its Float32 backward) with gradients computed
/// in Double, at a relative tolerance of 1e-5: tight enough to catch a gradient that is off
/// by one part in a thousand, which GradientCheck's 1e-2 lets through.
///
/// The loss is GradientCheck's, sum(output * W) with the same upstream weights W. The
/// reference runs a Double implementation of the op's forward (written from the definition,
/// as the Naive references are) and takes central differences with h = 1e-6 on each input
/// element: the Jacobian column J[:, j], accurate to about 1e-9 for the well-conditioned
/// inputs used (truncation h² f'''/6 ≈ 1e-11, rounding 2⁻⁵³ |f| / h ≈ 1e-10). Then
///
///     reference r = Σ_k W_k J_kj,   magnitude m = Σ_k |W_k J_kj|,
///     |a - r| <= 1e-5 · max(|a|, |r|) + 2e-6 · m.
///
/// The floor: the engine adds the n terms W_k J_kj in Float32 (a broadcast operand's
/// gradient sums over its n repeats, n <= 24 here), each term itself a few roundings off,
/// so it can be off by (n - 1 + 3) · 2⁻²⁴ · m <= 1.6e-6 · m. Where the terms do not cancel,
/// m = |r| and the floor adds 2e-6 relative; it only loosens elements whose terms cancel.
enum DoubleGradientCheck {
    static let step = 1e-6, relative = 1e-5, floor = 2e-6

    struct Mismatch: CustomStringConvertible {
        let input: Int, index: [Int]
        let analytic: Double, reference: Double, allowed: Double
        var description: String {
            "input \(input)\(index): analytic \(analytic), Double \(reference), |diff| \(abs(analytic - reference)) > \(allowed)"
        }
    }

    /// The mismatching gradient elements, empty when all agree. `engine` and `reference`
    /// must compute the same function, the one on Tensors and the other in Double.
    static func mismatches(_ inputs: [NaiveTensor], seed: UInt64 = 0x5eed, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                           engine: ([Tensor]) throws -> Tensor,
                           reference: ([NaiveTensor]) -> NaiveTensor) throws -> [Mismatch] {
        let parameters = inputs.map { $0.parameter() }
        let weights = try GradientCheck.backpropagate(parameters, seed: seed, engine)
        // The two sides must agree on the function itself, or the comparison means nothing.
        let output = try GradientMode.withoutGradients { () throws -> Tensor in try engine(parameters) }
        assertClose(output, reference(inputs), tolerance: 1e-5, absolute: 1e-6, "forward", sourceLocation: sourceLocation)

        var found: [Mismatch] = []
        for (i, input) in inputs.enumerated() {
            if let grad = parameters[i].grad, grad.shape != input.shape {
                Issue.record("gradient of input \(i) has shape \(grad.shape), expected \(input.shape)", sourceLocation: sourceLocation)
                continue
            }
            // No gradient at all must mean a zero one.
            let analytic = parameters[i].grad?.scalars.map(Double.init) ?? [Double](repeating: 0, count: input.count)
            for j in 0..<input.count {
                var moved = inputs
                moved[i].values[j] = input.values[j] + step
                let plus = reference(moved).values
                moved[i].values[j] = input.values[j] - step
                let minus = reference(moved).values
                var r = 0.0, m = 0.0
                for k in weights.values.indices {
                    let term = weights.values[k] * (plus[k] - minus[k]) / (2 * step)
                    r += term
                    m += abs(term)
                }
                let a = analytic[j], allowed = relative * max(abs(a), abs(r)) + floor * m
                if !(abs(a - r) <= allowed) {
                    found.append(Mismatch(input: i, index: input.index(ofOffset: j), analytic: a, reference: r, allowed: allowed))
                }
            }
        }
        return found
    }

    /// Records one issue naming the op and the first mismatching elements, if any.
    static func check(_ name: String, _ inputs: [NaiveTensor], seed: UInt64 = 0x5eed,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation,
                      engine: ([Tensor]) throws -> Tensor, reference: ([NaiveTensor]) -> NaiveTensor) throws {
        let found = try mismatches(inputs, seed: seed, sourceLocation: sourceLocation, engine: engine, reference: reference)
        if !found.isEmpty {
            let total = inputs.reduce(0) { $0 + $1.count }
            let first = found.prefix(6).map(\.description).joined(separator: "; ")
            Issue.record("\(name): \(found.count) of \(total) gradient elements differ from Double at 1e-5: \(first)",
                         sourceLocation: sourceLocation)
        }
    }
}

import LitNN
import LitTensor
import Testing

/// The optimizer classes over a model's parameters: Adam's bias-corrected steps worked out
/// by hand, SGD's plain step, and parameters that no backward pass reached.
@Suite struct OptimizerTests {
    /// Two Adam steps on one weight with gradients 0.5 then -1 (lr 0.1, PyTorch's defaults):
    /// step 1: m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25, update 0.1 * 0.5 / (0.5 + 1e-8) ≈ 0.1;
    /// step 2: m = 0.045 - 0.1 = -0.055, v = 0.00024975 + 0.001 = 0.00124975,
    /// m̂ = -0.055 / 0.19, v̂ = 0.00124975 / 0.001999, update 0.1 * m̂ / (√v̂ + 1e-8).
    @Test func adamTakesBiasCorrectedSteps() throws {
        let w = Tensor.parameter(Tensor(shape: [1], scalars: [1]))
        let untouched = Tensor.parameter(Tensor(shape: [1], scalars: [7]))
        let adam = Adam([w, untouched], learningRate: 0.1)
        w.grad = Tensor(shape: [1], scalars: [0.5])
        try adam.step()
        let first = 1 - 0.1 * 0.5 / (0.5 + 1e-8)
        #expect(abs(Double(w.scalars[0]) - first) < 1e-6)
        w.grad = Tensor(shape: [1], scalars: [-1])
        try adam.step()
        let m = 0.9 * 0.05 + 0.1 * -1, v = 0.999 * 0.00025 + 0.001 * 1
        let mHat = m / (1 - 0.81), vHat = v / (1 - 0.999 * 0.999)
        let second = first - 0.1 * mHat / (vHat.squareRoot() + 1e-8)
        #expect(abs(Double(w.scalars[0]) - second) < 1e-6)
        #expect(untouched.scalars == [7], "a parameter without a gradient is not moved")
        adam.zeroGrad()
        #expect(w.grad == nil)
    }

    @Test func sgdStepsAgainstTheGradient() throws {
        let w = Tensor.parameter(Tensor(shape: [2], scalars: [1, -1]))
        let sgd = SGD([w], learningRate: 0.5)
        w.grad = Tensor(shape: [2], scalars: [0.2, -0.4])
        try sgd.step()
        #expect(w.scalars == [0.9, -0.8])
    }
}

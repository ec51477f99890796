import Foundation
import LitTensor
import LitTensorTestSupport
import Testing

/// The optimizers' in-place steps, against torch.optim's update rules worked by hand.
@Suite struct TensorOptimizerStepTests {
    func tensor(_ values: [Float]) -> Tensor { Tensor(shape: [values.count], scalars: values) }

    @Test func twoAdamStepsByHand() throws {
        let parameter = tensor([1, -2, 0.5]), m = Tensor.zeros([3]), v = Tensor.zeros([3])
        // Step 1, gradient [0.1, -0.2, 0.3]:
        //   m = 0.1 g = [0.01, -0.02, 0.03];  v = 0.001 g² = [1e-5, 4e-5, 9e-5]
        //   bias corrections 1 - 0.9 = 0.1 and 1 - 0.999 = 0.001 undo the zero start exactly:
        //   p -= 0.01 / 0.1 * m / (sqrt(v) / sqrt(0.001) + 1e-8) = 0.01 * g / (|g| + 1e-8)
        try Tensor.adamStep(parameter: parameter, gradient: tensor([0.1, -0.2, 0.3]), firstMoment: m, secondMoment: v,
                            learningRate: 0.01, step: 1)
        assertClose(m, [0.01, -0.02, 0.03], shape: [3], tolerance: 1e-6)
        assertClose(v, [1e-5, 4e-5, 9e-5], shape: [3], tolerance: 1e-6)
        let step1 = [1 - 0.01 * 0.1 / (0.1 + 1e-8), -2 + 0.01 * 0.2 / (0.2 + 1e-8), 0.5 - 0.01 * 0.3 / (0.3 + 1e-8)]
        assertClose(parameter, step1, shape: [3], tolerance: 1e-7)

        // Step 2, gradient [0.4, 0, -0.1]:
        //   m = 0.9 m + 0.1 g = [0.049, -0.018, 0.017]
        //   v = 0.999 v + 0.001 g² = [1.6999e-4, 3.996e-5, 9.991e-5]
        //   bias corrections 1 - 0.9² = 0.19 and 1 - 0.999² = 0.001999
        try Tensor.adamStep(parameter: parameter, gradient: tensor([0.4, 0, -0.1]), firstMoment: m, secondMoment: v,
                            learningRate: 0.01, step: 2)
        let (m2, v2) = ([0.049, -0.018, 0.017], [1.6999e-4, 3.996e-5, 9.991e-5])
        assertClose(m, m2, shape: [3], tolerance: 1e-6)
        assertClose(v, v2, shape: [3], tolerance: 1e-6)
        let correction2: Double = 0.001999.squareRoot()
        let step2 = (0..<3).map { (i: Int) -> Double in
            let denominator: Double = v2[i].squareRoot() / correction2 + 1e-8
            return step1[i] - 0.01 / 0.19 * m2[i] / denominator
        }
        // [0.98115624, -1.98329942, 0.48599781]
        assertClose(parameter, step2, shape: [3], tolerance: 1e-7)
        assertClose(parameter, [0.98115624, -1.98329942, 0.48599781], shape: [3], tolerance: 1e-7)
    }

    @Test func adamWithWeightDecayAndOtherBetas() throws {
        // weightDecay adds 0.5 p to the gradient: g = 1 + 0.5 · 2 = 2.
        let parameter = tensor([2]), m = tensor([0.5]), v = tensor([0.25])
        try Tensor.adamStep(parameter: parameter, gradient: tensor([1]), firstMoment: m, secondMoment: v, learningRate: 0.1,
                            beta1: 0.8, beta2: 0.9, eps: 1e-3, weightDecay: 0.5, step: 3)
        let (mean, square): (Double, Double) = (0.8 * 0.5 + 0.2 * 2, 0.9 * 0.25 + 0.1 * 4)
        let denominator: Double = square.squareRoot() / (1 - pow(0.9, 3)).squareRoot() + 1e-3
        let expected: Double = 2 - 0.1 / (1 - pow(0.8, 3)) * mean / denominator
        assertClose(m, [mean], shape: [1], tolerance: 1e-6)
        assertClose(v, [square], shape: [1], tolerance: 1e-6)
        assertClose(parameter, [expected], shape: [1], tolerance: 1e-6)
    }

    @Test func adamOnALargeTensorMatchesTheRule() throws {
        // Large enough to be split across cores.
        let count = 100_003
        let p = TestData.uniform([count], seed: 70), g = TestData.uniform([count], seed: 71)
        let m = TestData.uniform([count], seed: 72), v = TestData.uniform([count], 0...1, seed: 73)
        let (parameter, first, second) = (p.tensor(), m.tensor(), v.tensor())
        try Tensor.adamStep(parameter: parameter, gradient: g.tensor(), firstMoment: first, secondMoment: second,
                            learningRate: 1e-3, step: 7)
        let newM = (0..<count).map { 0.9 * m.values[$0] + 0.1 * g.values[$0] }
        let newV = (0..<count).map { 0.999 * v.values[$0] + 0.001 * g.values[$0] * g.values[$0] }
        let stepSize: Double = 1e-3 / (1 - pow(0.9, 7)), correction2: Double = (1 - pow(0.999, 7)).squareRoot()
        let expected = (0..<count).map { (i: Int) -> Double in
            let denominator: Double = newV[i].squareRoot() / correction2 + 1e-8
            return p.values[i] - stepSize * newM[i] / denominator
        }
        assertClose(first, newM, shape: [count], tolerance: 1e-5, absolute: 1e-7)
        assertClose(second, newV, shape: [count], tolerance: 1e-5, absolute: 1e-7)
        assertClose(parameter, expected, shape: [count], tolerance: 1e-6, absolute: 1e-6)
    }

    @Test func adamChecksShapesAndStep() {
        let p = Tensor.zeros([2, 3])
        #expect(throws: TensorError.shapeMismatch(op: "adamStep", [2, 3], [3, 2])) {
            try Tensor.adamStep(parameter: p, gradient: Tensor.zeros([2, 3]), firstMoment: Tensor.zeros([3, 2]),
                                secondMoment: Tensor.zeros([2, 3]), learningRate: 0.1, step: 1)
        }
        expectThrows(TensorError.adamStepBelowOne(0), text: "adamStep needs step >= 1, but got 0") {
            try Tensor.adamStep(parameter: p, gradient: Tensor.zeros([2, 3]), firstMoment: Tensor.zeros([2, 3]),
                                secondMoment: Tensor.zeros([2, 3]), learningRate: 0.1, step: 0)
        }
    }

    @Test func sgdWithoutMomentum() throws {
        let parameter = tensor([1, -1])
        let buffer = try Tensor.sgdStep(parameter: parameter, gradient: tensor([0.5, 2]), momentumBuffer: nil, learningRate: 0.1)
        #expect(buffer == nil)
        assertClose(parameter, [1 - 0.05, -1 - 0.2], shape: [2], tolerance: 1e-7)
        // Weight decay adds 0.1 p to the gradient: [0.95 · 0.1 + 1, -1.2 · 0.1 + 1].
        try Tensor.sgdStep(parameter: parameter, gradient: tensor([1, 1]), momentumBuffer: nil, learningRate: 0.1, weightDecay: 0.1)
        assertClose(parameter, [0.95 - 0.1 * 1.095, -1.2 - 0.1 * 0.88], shape: [2], tolerance: 1e-7)
    }

    @Test func sgdWithMomentumStartsFromTheGradient() throws {
        let parameter = tensor([1, 2])
        // Step 1: the buffer is a copy of the gradient, whatever the dampening.
        let buffer = try #require(try Tensor.sgdStep(parameter: parameter, gradient: tensor([1, -2]), momentumBuffer: nil,
                                                     learningRate: 0.1, momentum: 0.9, dampening: 0.5))
        assertClose(buffer, [1, -2], shape: [2], tolerance: 0)
        assertClose(parameter, [0.9, 2.2], shape: [2], tolerance: 1e-7)
        // Step 2: buffer = 0.9 · [1, -2] + (1 - 0.5) · [2, 2] = [1.9, -0.8].
        let same = try Tensor.sgdStep(parameter: parameter, gradient: tensor([2, 2]), momentumBuffer: buffer, learningRate: 0.1,
                                      momentum: 0.9, dampening: 0.5)
        #expect(same === buffer)
        assertClose(buffer, [1.9, -0.8], shape: [2], tolerance: 1e-7)
        assertClose(parameter, [0.9 - 0.19, 2.2 + 0.08], shape: [2], tolerance: 1e-7)
    }

    @Test func sgdWithNesterovMomentum() throws {
        let parameter = tensor([0]), gradient = tensor([1])
        // Step 1: buffer = 1, step along g + 0.9 · buffer = 1.9.
        let buffer = try Tensor.sgdStep(parameter: parameter, gradient: gradient, momentumBuffer: nil, learningRate: 0.1,
                                        momentum: 0.9, nesterov: true)
        assertClose(parameter, [-0.19], shape: [1], tolerance: 1e-7)
        // Step 2: buffer = 0.9 + 1 = 1.9, step along 1 + 0.9 · 1.9 = 2.71.
        try Tensor.sgdStep(parameter: parameter, gradient: gradient, momentumBuffer: buffer, learningRate: 0.1, momentum: 0.9, nesterov: true)
        assertClose(try #require(buffer), [1.9], shape: [1], tolerance: 1e-7)
        assertClose(parameter, [-0.19 - 0.271], shape: [1], tolerance: 1e-6)
    }

    @Test func sgdOnALargeTensorMatchesTheRule() throws {
        let count = 70_001
        let p = TestData.uniform([count], seed: 74), g = TestData.uniform([count], seed: 75), b = TestData.uniform([count], seed: 76)
        let (parameter, buffer) = (p.tensor(), b.tensor())
        try Tensor.sgdStep(parameter: parameter, gradient: g.tensor(), momentumBuffer: buffer, learningRate: 0.05, momentum: 0.5,
                           weightDecay: 0.01)
        let decayed = (0..<count).map { g.values[$0] + 0.01 * p.values[$0] }
        let newBuffer = (0..<count).map { 0.5 * b.values[$0] + decayed[$0] }
        assertClose(buffer, newBuffer, shape: [count], tolerance: 1e-6, absolute: 1e-7)
        assertClose(parameter, (0..<count).map { p.values[$0] - 0.05 * newBuffer[$0] }, shape: [count], tolerance: 1e-6, absolute: 1e-7)
    }

    @Test func sgdChecksShapes() {
        #expect(throws: TensorError.shapeMismatch(op: "sgdStep", [2], [3])) {
            try Tensor.sgdStep(parameter: Tensor.zeros([2]), gradient: Tensor.zeros([3]), momentumBuffer: nil, learningRate: 0.1)
        }
        #expect(throws: TensorError.shapeMismatch(op: "sgdStep", [2], [1, 2])) {
            try Tensor.sgdStep(parameter: Tensor.zeros([2]), gradient: Tensor.zeros([2]), momentumBuffer: Tensor.zeros([1, 2]),
                               learningRate: 0.1, momentum: 0.9)
        }
    }
}

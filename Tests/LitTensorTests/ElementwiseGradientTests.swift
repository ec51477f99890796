import Foundation
import LitTensor
import LitTensorTestSupport
import Testing

/// Gradients of the elementwise operations, by finite differences. A broadcast operand's
/// gradient must be summed back over the dimensions it was repeated along.
@Suite struct TensorElementwiseGradientTests {
    static let shapePairs: [([Int], [Int])] = [
        ([2, 3], [2, 3]), ([2, 3, 4], [3, 1]), ([2, 3, 4], [4]), ([2, 3, 4], []), ([2, 1, 4], [1, 3, 1]), ([3, 1], [2, 3, 2]),
    ]

    @Test(arguments: shapePairs)
    func binaryOperators(_ shapeA: [Int], _ shapeB: [Int]) throws {
        for (index, op) in TensorElementwiseTests.ops.enumerated() {
            let a = TestData.uniform(shapeA, -2...2, seed: 30 + UInt64(index)).parameter()
            let b = TestData.awayFromZero(shapeB, 0.5...2, seed: 40 + UInt64(index)).parameter()
            try GradientCheck.check([a, b]) { try op.engine($0[0], $0[1]) }
        }
    }

    @Test func onlyTheOperandThatNeedsAGradientGetsOne() throws {
        let a = TestData.uniform([2, 3], seed: 50).parameter()
        let constant = TestData.awayFromZero([3], seed: 51)
        try GradientCheck.check([a]) { try $0[0] / constant.tensor() }
        let b = TestData.awayFromZero([2, 1], seed: 52).parameter()
        try GradientCheck.check([b]) { try constant.tensor() / $0[0] }
    }

    @Test func scalarOperators() throws {
        let x = TestData.awayFromZero([2, 3], 0.5...2, seed: 53).parameter()
        try GradientCheck.check([x]) { $0[0] + 2 }
        try GradientCheck.check([x]) { 2 - $0[0] }
        try GradientCheck.check([x]) { $0[0] * 3 }
        try GradientCheck.check([x]) { -2.5 * $0[0] }
        try GradientCheck.check([x]) { $0[0] / 3 }
        try GradientCheck.check([x]) { 3 / $0[0] }
        try GradientCheck.check([x]) { -$0[0] }
    }

    @Test func functions() throws {
        // Inputs kept 2h away from relu's kink and inside the domains of sqrt and log.
        let wide = TestData.awayFromZero([3, 4], 0.05...2.5, seed: 54)
        let positive = TestData.uniform([3, 4], 0.3...3, seed: 55)
        let functions: [(String, (Tensor) -> Tensor, NaiveTensor)] = [
            ("sqrt", { $0.sqrt() }, positive), ("log", { $0.log() }, positive), ("exp", { $0.exp() }, wide),
            ("relu", { $0.relu() }, wide), ("sigmoid", { $0.sigmoid() }, wide), ("tanh", { $0.tanh() }, wide),
            ("squared", { $0.squared() }, wide),
        ]
        for (name, function, values) in functions {
            let found = try GradientCheck.mismatches([values.parameter()]) { function($0[0]) }
            #expect(found.isEmpty, "\(name): \(found.prefix(4))")
        }
    }

    @Test func largeBackwardPassesMatchTheDerivatives() throws {
        // 50000 elements: the backward kernels run in chunks on several cores.
        let x = TestData.awayFromZero([50_000], 0.05...3, seed: 56), g = TestData.uniform([50_000], seed: 57)
        let derivatives: [(String, (Tensor) -> Tensor, (Double) -> Double)] = [
            ("exp", { $0.exp() }, { Foundation.exp($0) }), ("tanh", { $0.tanh() }, { 1 - Foundation.tanh($0) * Foundation.tanh($0) }),
            ("sigmoid", { $0.sigmoid() }, { let s = 1 / (1 + Foundation.exp(-$0)); return s * (1 - s) }),
            ("relu", { $0.relu() }, { $0 > 0 ? 1 : 0 }), ("squared", { $0.squared() }, { 2 * $0 }),
            ("log", { $0.relu().log() }, { $0 > 0 ? 1 / $0 : 0 }),
        ]
        for (name, function, derivative) in derivatives {
            let p = x.parameter()
            try function(p).backward(gradient: g.tensor())
            assertClose(try #require(p.grad), Naive.elementwise(x, g) { derivative($0) * $1 }, tolerance: 1e-5, absolute: 1e-7, name)
        }
    }

    @Test func broadcastGradientsAreSummedBackOnALargeCase() throws {
        let a = TestData.uniform([64, 40, 16], seed: 58), b = TestData.uniform([40, 1], seed: 59), g = TestData.uniform([64, 40, 16], seed: 60)
        let (pa, pb) = (a.parameter(), b.parameter())
        try (pa * pb).backward(gradient: g.tensor())
        assertClose(try #require(pa.grad), Naive.elementwise(g, b, *), tolerance: 1e-6)
        let reference = Naive.sum(Naive.elementwise(g, a, *), dims: [0, 2], keepDim: true)
        let magnitude = Naive.sum(Naive.map(Naive.elementwise(g, a, *), abs), dims: [0, 2], keepDim: true)
        assertClose(try #require(pb.grad), reference.values, shape: [40, 1], tolerance: 1e-5, magnitudes: magnitude.values)
    }

    @Test func reluHasZeroGradientAtZero() throws {
        // As in PyTorch: the subgradient chosen at the kink is 0.
        let x = Tensor.parameter(Tensor(shape: [3], scalars: [-1, 0, 2]))
        try x.relu().sum().backward()
        #expect(x.grad?.scalars == [0, 0, 1])
    }

    @Test func tanhGradientOnBothSidesOfItsTwoFormulas() throws {
        // tanh switches formula at |x| = 0.625; its derivative 1 - tanh² must be continuous there.
        let x = NaiveTensor(shape: [6], values: [-0.9, -0.62, -0.3, 0.3, 0.63, 0.9]).parameter()
        try GradientCheck.check([x], h: 3e-3) { $0[0].tanh() }
    }
}

import Foundation
import LitTensor
import LitTensorTestSupport
import Testing

/// The gradient graph: accumulation, shared inputs, when a graph is recorded, errors,
/// and a finite-difference check of a composite (batch normalisation) expression.
@Suite struct TensorAutogradTests {
    @Test func gradientsAccumulateAcrossBackwardCalls() throws {
        let values = TestData.uniform([4], seed: 130)
        let x = values.parameter()
        try (try x * x).sum().backward()
        let once = try #require(x.grad).scalars
        assertClose(try #require(x.grad), Naive.map(values) { 2 * $0 }, tolerance: 1e-6)
        try (try x * x).sum().backward()
        assertClose(try #require(x.grad), once.map { 2 * Double($0) }, shape: [4], tolerance: 1e-6)
    }

    @Test func aTensorUsedTwiceGetsTheSumOfItsGradients() throws {
        let values = TestData.uniform([2, 3], seed: 131)
        let x = values.parameter()
        try (try x * x + x).sum().backward()
        assertClose(try #require(x.grad), Naive.map(values) { 2 * $0 + 1 }, tolerance: 1e-6)
        // Through a shared intermediate: z = y² + y with y = 2x, so dz/dx = 2(2y + 1) = 8x + 2.
        let w = values.parameter()
        let y = w * 2
        try (try y * y + y).sum().backward()
        assertClose(try #require(w.grad), Naive.map(values) { 8 * $0 + 2 }, tolerance: 1e-6)
    }

    @Test func gradientsArePlainTensors() throws {
        // As in PyTorch without create_graph, .grad is a leaf: no graph hangs off it, and
        // using it (an SGD step, say) records nothing back into the parameter.
        let x = TestData.uniform([3], seed: 132).parameter()
        try (try x * x / x).sum().backward()
        let grad = try #require(x.grad)
        #expect(!grad.requiresGrad)
        #expect(grad.gradientNode == nil)
    }

    @Test func nothingIsRecordedWithoutParameters() throws {
        let a = TestData.uniform([2, 2], seed: 133).tensor(), b = TestData.uniform([2, 2], seed: 134).tensor()
        let c = try (a * b).exp().sum()
        #expect(!c.requiresGrad && c.gradientNode == nil)
        #expect(throws: TensorError.backwardWithoutGradient) { try c.backward() }
        let p = Tensor.parameter(a)
        let d = try GradientMode.withoutGradients { () throws(TensorError) -> Tensor in try (p * b).exp().sum() }
        #expect(!d.requiresGrad && d.gradientNode == nil)
        // Every kind of operation respects the mode.
        let image = TestData.uniform([1, 2, 4, 4], seed: 149).parameter(), kernel = TestData.uniform([2, 2, 3, 3], seed: 150).parameter()
        let results = try GradientMode.withoutGradients { () throws -> [Tensor] in
            let conv = try Tensor.conv2d(image, weight: kernel, padding: 1)
            let flat = try conv.maxPool2d(kernelSize: 2).avgPool2d(kernelSize: 2).flatten(from: 1)
            let joined = try Tensor.cat([flat, flat], dim: 1)
            let product = try Tensor.matmul(joined, joined.transposed())
            let loss = try Tensor.crossEntropy(product, Tensor(shape: [1], scalars: [0]))
            return [conv, flat, joined, product, loss, try image.rows(0..<1), try image.index(0), try image.max(dim: 1),
                    image.sum(), image * 2, 2 - image, image.relu(), try image.reshape([-1]), try image.globalAvgPool2d()]
        }
        #expect(results.allSatisfy { !$0.requiresGrad && $0.gradientNode == nil })
        // Gradient mode is back on afterwards.
        #expect(try (p * b).sum().requiresGrad)
    }

    /// DenseNet's pattern: x feeds both `cat` and the layer whose output joins it, so x's
    /// gradient is a part of cat's output gradient plus the layer's. The part is added in
    /// place rather than copied out first; the sum must be the one the two separate
    /// gradients give, w[x's part] + 3 · w[the layer's part], bit for bit (one rounding each).
    @Test(arguments: [1, 0])
    func aCatPartIsAddedToTheOtherGradientOfItsInput(dim: Int) throws {
        // [4, 8, 32, 32] parts: 32k values each, summed across cores. Along dimension 1
        // x's part is 4 runs of 8k values; along dimension 0 it is one run.
        let values = TestData.uniform([4, 8, 32, 32], seed: 138)
        let x = values.parameter()
        let joined = try Tensor.cat([x, x * 3], dim: dim)
        let w = TestData.uniform(joined.shape, seed: 139).tensor()
        try (joined * w).sum().backward()
        let (outer, part) = dim == 1 ? (4, 8 * 32 * 32) : (1, 4 * 8 * 32 * 32)
        let weights = w.scalars
        var expected: [Float] = []
        for n in 0..<outer {
            let base = n * 2 * part
            for i in 0..<part { expected.append(weights[base + i] + Float(3) * weights[base + part + i]) }
        }
        let grad = try #require(x.grad)
        #expect(grad.shape == x.shape)
        #expect(grad.scalars == expected)
    }

    /// A part of cat's gradient that nothing adds to is copied out as it is, and an input
    /// that needs no gradient gets none.
    @Test func aCatPartAloneIsCopiedOut() throws {
        let a = TestData.uniform([3, 2, 5], seed: 140).parameter(), b = TestData.uniform([3, 4, 5], seed: 141).tensor()
        let joined = try Tensor.cat([b, a, b], dim: 1)
        let w = TestData.uniform(joined.shape, seed: 142).tensor()
        try (joined * w).sum().backward()
        let weights = w.scalars
        let expected = (0..<3).flatMap { n in weights[(n * 50 + 20)..<(n * 50 + 30)] }
        #expect(try #require(a.grad).scalars == Array(expected))
        #expect(b.grad == nil && !b.requiresGrad)
    }

    @Test func backwardNeedsAOneElementTensor() throws {
        let x = TestData.uniform([2, 3], seed: 135).parameter()
        #expect(throws: TensorError.backwardFromNonScalar([2, 3])) { try x.backward() }
        #expect(throws: TensorError.backwardFromNonScalar([2, 3])) { try (x * 2).backward() }
        // One element in any shape will do.
        let y = TestData.uniform([1, 1], seed: 136).parameter()
        try (y * 3).backward()
        #expect(y.grad?.scalars == [3] && y.grad?.shape == [1, 1])
    }

    @Test func backwardTwiceThroughTheSameGraphThrows() throws {
        let x = TestData.uniform([3], seed: 137).parameter()
        let loss = try (x * x).sum()
        try loss.backward()
        #expect(throws: TensorError.graphReleased) { try loss.backward() }
    }

    @Test func unreachedParametersKeepNilGradients() throws {
        let a = TestData.uniform([3], seed: 138).parameter(), b = TestData.uniform([3], seed: 139).parameter()
        try (a * a).sum().backward()
        #expect(a.grad != nil && b.grad == nil)
        // Reached only through detached(): no gradient either.
        let c = TestData.uniform([3], seed: 140).parameter()
        try (try c.detached() * a).sum().backward()
        #expect(c.grad == nil)
    }

    @Test func aDeepChainDoesNotOverflowTheStack() throws {
        let x = Tensor.parameter(Tensor(shape: [1], scalars: [0.5]))
        var y = x
        for _ in 0..<20_000 { y = y * 1 + 0.25 }
        try y.sum().backward()
        #expect(x.grad?.scalars == [1])
        #expect(try y.item() == 0.5 + 0.25 * 20_000)
    }

    @Test func gradientWithAGivenSeed() throws {
        let values = TestData.uniform([2, 3], seed: 141)
        let x = values.parameter()
        let seed = TestData.uniform([2, 3], seed: 142)
        try x.exp().backward(gradient: seed.tensor())
        assertClose(try #require(x.grad), Naive.elementwise(values, seed) { Foundation.exp($0) * $1 }, tolerance: 1e-6)
        #expect(throws: TensorError.shapeMismatch(op: "backward", [2, 3], [3, 2])) { try x.exp().backward(gradient: Tensor.zeros([3, 2])) }
    }

    /// y = (x - mean) / sqrt(var + eps) * gamma + beta over dims [0, 2, 3], written with the tensor API.
    static func batchNorm(_ x: Tensor, _ gamma: Tensor, _ beta: Tensor) throws -> Tensor {
        let mean = try x.mean(dims: [0, 2, 3], keepDim: true)
        let centered = try x - mean
        let variance = try (centered * centered).mean(dims: [0, 2, 3], keepDim: true)
        return try centered / (variance + 1e-5).sqrt() * gamma + beta
    }

    @Test func batchNormFormulaGradients() throws {
        let x = TestData.uniform([2, 3, 2, 2], -2...2, seed: 143).parameter()
        let gamma = TestData.uniform([1, 3, 1, 1], 0.5...1.5, seed: 144).parameter()
        let beta = TestData.uniform([1, 3, 1, 1], seed: 145).parameter()
        try GradientCheck.check([x, gamma, beta]) { try TensorAutogradTests.batchNorm($0[0], $0[1], $0[2]) }
    }

    @Test func batchNormFormulaForwardMatchesTheReference() throws {
        let x = TestData.uniform([4, 3, 5, 5], -2...2, seed: 146)
        let gamma = TestData.uniform([1, 3, 1, 1], 0.5...1.5, seed: 147), beta = TestData.uniform([1, 3, 1, 1], seed: 148)
        let y = try TensorAutogradTests.batchNorm(x.tensor(), gamma.tensor(), beta.tensor())
        let mean = Naive.mean(x, dims: [0, 2, 3], keepDim: true)
        let centered = Naive.elementwise(x, mean, -)
        let variance = Naive.mean(Naive.map(centered) { $0 * $0 }, dims: [0, 2, 3], keepDim: true)
        let normalized = Naive.elementwise(centered, Naive.map(variance) { Foundation.sqrt($0 + 1e-5) }, /)
        let reference = Naive.elementwise(Naive.elementwise(normalized, gamma, *), beta, +)
        assertClose(y, reference, tolerance: 1e-5, absolute: 1e-5)
    }
}

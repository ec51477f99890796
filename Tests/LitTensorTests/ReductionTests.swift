import LitRandom
import LitTensor
import LitTensorTestSupport
import Testing

/// Sums, means and maxima against Double references. A Float sum's rounding error grows
/// with sum |x|, not with the (possibly cancelling) result, so sums are compared with a
/// tolerance relative to sum |x|. The big shape, [16, 64, 6, 6] = 36864 elements, is above
/// the engine's parallel threshold (32768); the small ones stay on one core; the chosen
/// dimension sets take every one of the kernel's paths (everything into one value, whole
/// rows into one value, rows into interleaved outputs, rows added onto output rows).
@Suite struct TensorReductionTests {
    static let cases: [(shape: [Int], dims: [Int])] = [
        ([16, 64, 6, 6], [0, 2, 3]), ([16, 64, 6, 6], [1]), ([16, 64, 6, 6], [0, 1]), ([16, 64, 6, 6], [2, 3]),
        ([16, 64, 6, 6], [0, 1, 2, 3]), ([16, 64, 6, 6], [-1]), ([16, 64, 6, 6], [0]), ([16, 64, 6, 6], [-3, -1]),
        ([16, 64, 6, 6], [0, 2]), ([16, 64, 6, 6], [1, 3]), ([2, 3, 4, 5], [0, 2]), ([2, 3, 4, 5], [1, 3]),
        ([2, 3, 4, 5], [0, 2, 3]), ([2, 3, 4, 5], [1]), ([2, 3, 4, 5], [0, 1]), ([2, 3, 4, 5], [-1]), ([2, 3, 4, 5], [3, 0]),
        ([7], [0]), ([3, 1, 4], [1]), ([1, 5, 1], [0, 2]), ([4, 1], [0]), ([2, 3], []),
    ]

    @Test(arguments: cases)
    func sumAndMeanOverDimensions(_ shape: [Int], _ dims: [Int]) throws {
        let x = TestData.uniform(shape, -1...1, seed: UInt64(shape.count * 100 + dims.count))
        let t = x.tensor()
        for keepDim in [false, true] {
            let magnitude = Naive.sum(x, dims: dims, keepDim: keepDim, magnitude: true)
            let sum = try t.sum(dims: dims, keepDim: keepDim)
            assertClose(sum, Naive.sum(x, dims: dims, keepDim: keepDim), tolerance: 1e-6, absolute: 1e-12,
                        magnitudes: magnitude, "sum over \(dims) of \(shape), keepDim \(keepDim)")
            let n = Double(x.count / Swift.max(magnitude.count, 1))
            let mean = try t.mean(dims: dims, keepDim: keepDim)
            assertClose(mean, Naive.mean(x, dims: dims, keepDim: keepDim), tolerance: 1e-6, absolute: 1e-12,
                        magnitudes: Naive.map(magnitude) { $0 / n }, "mean over \(dims) of \(shape), keepDim \(keepDim)")
        }
    }

    @Test func keepDimShapes() throws {
        let t = Tensor.zeros([2, 3, 4, 5])
        #expect(try t.sum(dims: [0, 2, 3], keepDim: true).shape == [1, 3, 1, 1])
        #expect(try t.sum(dims: [0, 2, 3]).shape == [3])
        #expect(try t.mean(dim: -1, keepDim: true).shape == [2, 3, 4, 1])
        #expect(try t.mean(dim: 1).shape == [2, 4, 5])
        #expect(t.sum().shape == [] && t.mean().shape == [])
        #expect(try t.max(dim: 2).shape == [2, 3, 5] && t.argmax(dim: 2, keepDim: true).shape == [2, 3, 1, 5])
    }

    @Test func sumOverEverything() throws {
        // Values whose Double sum is known exactly: 0.25 + 0.5 + ... is never rounded.
        let count = 100_000
        let t = Tensor(shape: [count], scalars: (0..<count).map { Float($0 % 8) * 0.25 })
        #expect(t.sum().scalars == [Float((0..<count).reduce(0.0) { $0 + Double($1 % 8) * 0.25 })])
        let x = TestData.uniform([300, 200], -1...1, seed: 60)
        let reference = x.values.reduce(0, +), magnitude = x.values.reduce(0) { $0 + abs($1) }
        #expect(abs(Double(try x.tensor().sum().item()) - reference) <= 1e-6 * magnitude)
        #expect(abs(Double(try x.tensor().mean().item()) - reference / 60_000) <= 1e-6 * magnitude / 60_000)
    }

    @Test func invalidDimensionsThrow() {
        let t = Tensor.zeros([2, 3])
        #expect(throws: TensorError.invalidDimension(2, rank: 2)) { try t.sum(dim: 2) }
        #expect(throws: TensorError.invalidDimension(-3, rank: 2)) { try t.mean(dims: [0, -3]) }
        #expect(throws: TensorError.invalidDimension(5, rank: 2)) { try t.max(dim: 5) }
        #expect(throws: TensorError.invalidDimension(-3, rank: 2)) { try t.argmax(dim: -3) }
    }

    // MARK: Maxima

    @Test(arguments: [([5, 7], 1), ([5, 7], 0), ([3, 4, 5], 1), ([3, 4, 5], -1), ([16, 64, 6, 6], 1), ([16, 64, 6, 6], 0)])
    func maxAndArgmaxMatchTheReference(_ shape: [Int], _ dim: Int) throws {
        let x = TestData.uniform(shape, -1...1, seed: 61)
        for keepDim in [false, true] {
            let reference = Naive.max(x, dim: dim, keepDim: keepDim)
            assertClose(try x.tensor().max(dim: dim, keepDim: keepDim), reference.values, tolerance: 0)
            assertClose(try x.tensor().argmax(dim: dim, keepDim: keepDim), reference.indices, tolerance: 0)
        }
    }

    @Test func tiesGoToTheFirstIndex() throws {
        let t = Tensor(shape: [3, 4], scalars: [3, 7, 7, 1, 5, 5, 5, 5, -2, -1, -2, -1])
        #expect(try t.argmax(dim: 1).scalars == [1, 0, 1])
        #expect(try t.max(dim: 1).scalars == [7, 5, -1])
        #expect(try t.argmax(dim: 0).scalars == [1, 0, 0, 1])
        // Large and on several cores: every column of a constant block ties everywhere.
        let ones = Tensor.ones([16, 64, 6, 6])
        #expect(try ones.argmax(dim: 1).scalars.allSatisfy { $0 == 0 })
    }

    @Test func nanWins() throws {
        let nan = Float.nan
        let t = Tensor(shape: [4, 3], scalars: [1, nan, 3, nan, 2, 1, 5, 6, nan, 0, 9, 2])
        let values = try t.max(dim: 1).scalars, indices = try t.argmax(dim: 1).scalars
        #expect(values[0].isNaN && values[1].isNaN && values[2].isNaN && values[3] == 9, "\(values)")
        #expect(indices == [1, 0, 2, 1])
        let columns = try t.max(dim: 0).scalars
        #expect(columns[0].isNaN && columns[1].isNaN && columns[2].isNaN)
        #expect(try t.argmax(dim: 0).scalars == [1, 0, 2])
        #expect(try t.max().item().isNaN)
        #expect(try Tensor(shape: [2], scalars: [nan, .infinity]).max().item().isNaN)
    }

    @Test func maxOverEverything() throws {
        let x = TestData.uniform([9, 11, 13], -5...5, seed: 62)
        #expect(try x.tensor().max().item() == Float(x.values.max()!))
        #expect(x.tensor().max().shape == [])
        #expect(try Tensor(shape: [3], scalars: [-.infinity, -7, -.infinity]).max().item() == -7)
        #expect(try Tensor(4.5).max().item() == 4.5)
    }

    // MARK: Gradients

    @Test func sumAndMeanGradients() throws {
        let x = TestData.uniform([2, 3, 2, 2], seed: 63).parameter()
        for dims in [[0, 2, 3], [1], [-1], [0, 1, 2, 3]] {
            try GradientCheck.check([x]) { try $0[0].sum(dims: dims) }
            try GradientCheck.check([x]) { try $0[0].mean(dims: dims, keepDim: true) }
        }
        try GradientCheck.check([x]) { $0[0].mean() }
    }

    @Test func maxGradientFlowsToTheWinner() throws {
        let x = TestData.distinct([3, 4, 5], spacing: 0.1, seed: 64).parameter()
        try GradientCheck.check([x]) { try $0[0].max(dim: 1) }
        try GradientCheck.check([x]) { try $0[0].max(dim: -1, keepDim: true) }
        try GradientCheck.check([x]) { $0[0].max() }
        // On ties the whole gradient goes to the first maximum, as argmax reports it.
        let tied = Tensor.parameter(Tensor(shape: [2, 3], scalars: [4, 4, 1, 2, 8, 8]))
        try (try tied.max(dim: 1) * Tensor(shape: [2], scalars: [3, 5])).sum().backward()
        #expect(tied.grad?.scalars == [3, 0, 0, 0, 5, 0])
    }

    @Test func reductionsOfNothing() throws {
        let empty = Tensor.zeros([0, 3])
        #expect(try empty.sum(dim: 0).scalars == [0, 0, 0])
        #expect(try empty.mean().item().isNaN, "the mean of no values is NaN, as in PyTorch")
        expectThrows(TensorError.maxOverEmptyDimension, text: "max over an empty dimension") { try empty.max(dim: 0) }
    }
}

/// Chapters are regenerated on different machines: a reduction must give the same bits
/// whether one core or several compute it.
@Suite struct TensorReductionDeterminismTests {
    @Test func sumsDoNotDependOnTheThreadCount() throws {
        var random = SplitMix64(seed: 11)
        let x = Tensor.randn([16, 64, 24, 24], using: &random)
        func reductions() throws -> [[Float]] {
            [x.sum().scalars, try x.mean(dims: [0, 2, 3]).scalars, try x.sum(dim: 3).scalars, try x.sum(dims: [0]).scalars]
        }
        let parallel = try reductions()
        let serial = try Parallel.$threadLimit.withValue(1) { try reductions() }
        for (name, (a, b)) in zip(["sum()", "mean(dims: [0, 2, 3])", "sum(dim: 3)", "sum(dims: [0])"], zip(parallel, serial)) {
            let differing = zip(a, b).filter { $0 != $1 }.count
            #expect(differing == 0, "\(name): \(differing) of \(a.count) values differ between 1 and \(Parallel.threadCount) threads")
        }
    }
}

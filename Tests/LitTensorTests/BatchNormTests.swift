import LitTensor
import LitTensorTestSupport
import Testing

/// Batch normalisation with PyTorch's semantics: batch statistics (biased variance) in
/// training, running statistics (moved with the unbiased variance) out of it.
@Suite struct TensorBatchNormTests {
    func values(_ t: Tensor) -> [Double] { t.scalars.map(Double.init) }

    @Test func handComputedTrainingStepsAndEvaluation() throws {
        // Channel 0 holds 1, 2, 3, 4: mean 2.5, biased variance 1.25, unbiased 5/3.
        // Channel 1 holds 2, 4, 6, 8: mean 5, biased variance 5, unbiased 20/3.
        let x = Tensor(shape: [4, 2], scalars: [1, 2, 2, 4, 3, 6, 4, 8])
        let weight = Tensor(shape: [2], scalars: [2, 0.5]), bias = Tensor(shape: [2], scalars: [1, -1])
        let runningMean = Tensor.zeros([2]), runningVar = Tensor.ones([2])
        let eps = 1e-5
        let y = try Tensor.batchNorm(x, weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar, isTraining: true)
        let (s0, s1) = (1 / (1.25 + eps).squareRoot(), 1 / (5 + eps).squareRoot())
        let expected = [(1 - 2.5) * s0 * 2 + 1, (2 - 5) * s1 * 0.5 - 1, (2 - 2.5) * s0 * 2 + 1, (4 - 5) * s1 * 0.5 - 1,
                        (3 - 2.5) * s0 * 2 + 1, (6 - 5) * s1 * 0.5 - 1, (4 - 2.5) * s0 * 2 + 1, (8 - 5) * s1 * 0.5 - 1]
        assertClose(y, expected, shape: [4, 2], tolerance: 1e-6, absolute: 1e-6)
        // running = 0.9 * running + 0.1 * batch, with the unbiased variance.
        assertClose(runningMean, [0.25, 0.5], shape: [2], tolerance: 1e-6)
        assertClose(runningVar, [0.9 + 0.1 * 5 / 3, 0.9 + 0.1 * 20 / 3], shape: [2], tolerance: 1e-6)

        // A second batch. Channel 0: 0, 0, 4, 4 (mean 2, unbiased variance 16/3);
        // channel 1: 1, 1, 1, 3 (mean 1.5, unbiased variance 1).
        let x2 = Tensor(shape: [4, 2], scalars: [0, 1, 0, 1, 4, 1, 4, 3])
        _ = try Tensor.batchNorm(x2, weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar, isTraining: true)
        let mean = [0.9 * 0.25 + 0.1 * 2, 0.9 * 0.5 + 0.1 * 1.5]
        let variance = [0.9 * (0.9 + 0.1 * 5 / 3) + 0.1 * 16 / 3, 0.9 * (0.9 + 0.1 * 20 / 3) + 0.1 * 1]
        assertClose(runningMean, mean, shape: [2], tolerance: 1e-6)
        assertClose(runningVar, variance, shape: [2], tolerance: 1e-6)

        // Evaluation normalises with the running statistics and leaves them alone.
        let evaluated = try Tensor.batchNorm(x, weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar,
                                             isTraining: false)
        let scales = variance.map { 1 / ($0 + eps).squareRoot() }
        let expectedEval = (0..<8).map { i in
            let c = i % 2
            return (Double(x.scalars[i]) - mean[c]) * scales[c] * [2, 0.5][c] + [1, -1][c]
        }
        assertClose(evaluated, expectedEval, shape: [4, 2], tolerance: 1e-6, absolute: 1e-6)
        assertClose(runningMean, mean, shape: [2], tolerance: 1e-6)
        assertClose(runningVar, variance, shape: [2], tolerance: 1e-6)
    }

    /// Shapes for both kernel paths: planes of one value ([N, C]), narrow planes, wide planes,
    /// planes longer than one summing run, more channels than one narrow block holds, and a
    /// rank-3 [N, C, L] input.
    static let shapes: [[Int]] = [
        [5, 3], [16, 120], [2, 600], [3, 4, 5, 5], [2, 100, 2, 3], [2, 5, 1, 1], [4, 3, 10],
        [2, 3, 8, 8], [4, 6, 7, 7], [3, 2, 33, 35], [8, 16, 32, 32],
    ]

    @Test(arguments: shapes)
    func matchesTheReferenceForwardAndBackward(shape: [Int]) throws {
        let channels = shape[1]
        let seed = UInt64(shape.reduce(7, *))
        let x = TestData.uniform(shape, -2...3, seed: seed)
        let weight = TestData.uniform([channels], 0.5...2, seed: seed + 1), bias = TestData.uniform([channels], seed: seed + 2)
        let startMean = TestData.uniform([channels], seed: seed + 3), startVar = TestData.uniform([channels], 0.5...2, seed: seed + 4)
        let g = TestData.uniform(shape, seed: seed + 5)
        for training in [true, false] {
            for affine in [true, false] {
                let (runningMean, runningVar) = (startMean.tensor(), startVar.tensor())
                let (px, pw, pb) = (x.parameter(), weight.parameter(), bias.parameter())
                let y = try Tensor.batchNorm(px, weight: affine ? pw : nil, bias: affine ? pb : nil, runningMean: runningMean,
                                             runningVar: runningVar, isTraining: training)
                let statistics = Naive.channelStatistics(x)
                let (mean, variance) = training ? (statistics.mean, statistics.variance) : (startMean.values, startVar.values)
                let label = "\(shape) training \(training) affine \(affine)"
                assertClose(y, Naive.batchNorm(x, mean: mean, variance: variance, weight: affine ? weight.values : nil,
                                               bias: affine ? bias.values : nil, eps: 1e-5), tolerance: 2e-6, absolute: 2e-6, label)
                let expectedMean = training ? zip(startMean.values, statistics.mean).map { 0.9 * $0 + 0.1 * $1 } : startMean.values
                let expectedVar = training ? zip(startVar.values, statistics.unbiased).map { 0.9 * $0 + 0.1 * $1 } : startVar.values
                assertClose(runningMean, expectedMean, shape: [channels], tolerance: 1e-5, absolute: 1e-6, label)
                assertClose(runningVar, expectedVar, shape: [channels], tolerance: 1e-5, label)

                try y.backward(gradient: g.tensor())
                let reference = Naive.batchNormBackward(g, x, mean: mean, variance: variance, weight: affine ? weight.values : nil,
                                                        eps: 1e-5, training: training)
                assertClose(try #require(px.grad), reference.input, tolerance: 1e-5, absolute: 1e-5, label)
                if affine {
                    // Sums over a channel: judged against the sum of the magnitudes.
                    let count = Double(x.count / channels)
                    assertClose(try #require(pw.grad), reference.weight, shape: [channels], tolerance: 1e-5, absolute: 1e-6 * count, label)
                    assertClose(try #require(pb.grad), reference.bias, shape: [channels], tolerance: 1e-5, absolute: 1e-6 * count, label)
                } else {
                    #expect(pw.grad == nil && pb.grad == nil)
                }
            }
        }
    }

    @Test func gradientsMatchFiniteDifferences() throws {
        for shape in [[4, 3], [2, 2, 3, 3], [3, 2, 6, 6]] {
            let channels = shape[1]
            let seed = UInt64(shape.reduce(11, *))
            for training in [true, false] {
                let runningMean = TestData.uniform([channels], seed: seed).tensor()
                let runningVar = TestData.uniform([channels], 0.5...2, seed: seed + 1).tensor()
                let inputs = [TestData.uniform(shape, seed: seed + 2).parameter(), TestData.uniform([channels], 0.5...2, seed: seed + 3).parameter(),
                              TestData.uniform([channels], seed: seed + 4).parameter()]
                try GradientCheck.check(inputs) {
                    try Tensor.batchNorm($0[0], weight: $0[1], bias: $0[2], runningMean: runningMean, runningVar: runningVar,
                                         isTraining: training)
                }
            }
        }
    }

    @Test func largeOffsetsKeepTheirPrecision() throws {
        // Values near 1000 with a spread of about 1: a one-pass E[x²] - E[x]² in Float would
        // lose every digit of the variance, and a Float mean alone about five.
        for shape in [[16, 4, 10, 10], [64, 8]] {
            let x = Naive.map(TestData.uniform(shape, seed: 31)) { Double(Float(1000 + $0)) }
            let g = TestData.uniform(shape, seed: 32)
            let channels = shape[1]
            let px = x.parameter()
            let y = try Tensor.batchNorm(px, weight: nil, bias: nil, runningMean: Tensor.zeros([channels]),
                                         runningVar: Tensor.ones([channels]), isTraining: true)
            let statistics = Naive.channelStatistics(x)
            assertClose(y, Naive.batchNorm(x, mean: statistics.mean, variance: statistics.variance, weight: nil, bias: nil, eps: 1e-5),
                        tolerance: 1e-6, absolute: 1e-6, "\(shape)")
            try y.backward(gradient: g.tensor())
            let reference = Naive.batchNormBackward(g, x, mean: statistics.mean, variance: statistics.variance, weight: nil,
                                                    eps: 1e-5, training: true)
            assertClose(try #require(px.grad), reference.input, tolerance: 1e-5, absolute: 1e-5, "\(shape)")
        }
    }

    @Test func resultsDoNotDependOnTheCoreCount() throws {
        let x = TestData.uniform([8, 16, 32, 32], seed: 41), g = TestData.uniform([8, 16, 32, 32], seed: 42)
        func run() throws -> [[Float]] {
            let (px, w, b) = (x.parameter(), Tensor.parameter(Tensor.ones([16])), Tensor.parameter(Tensor.zeros([16])))
            let (mean, variance) = (Tensor.zeros([16]), Tensor.ones([16]))
            let y = try Tensor.batchNorm(px, weight: w, bias: b, runningMean: mean, runningVar: variance, isTraining: true)
            try y.backward(gradient: g.tensor())
            return [y.scalars, mean.scalars, variance.scalars, px.grad!.scalars, w.grad!.scalars, b.grad!.scalars]
        }
        let single = try Parallel.$threadLimit.withValue(1) { try run() }
        #expect(try run() == single)
    }

    @Test func oneValuePerChannelIsAnErrorInTrainingOnly() throws {
        for shape in [[1, 3], [1, 3, 1, 1]] {
            expectThrows(TensorError.batchNormOneValuePerChannel(shape),
                         text: "batchNorm expected more than 1 value per channel when training, but got an input of shape \(shape)") {
                try Tensor.batchNorm(Tensor.ones(shape), weight: nil, bias: nil, runningMean: Tensor.zeros([3]),
                                     runningVar: Tensor.ones([3]), isTraining: true)
            }
            let y = try Tensor.batchNorm(Tensor.ones(shape), weight: nil, bias: nil, runningMean: Tensor.zeros([3]),
                                         runningVar: Tensor.ones([3]), isTraining: false)
            assertClose(y, [Double](repeating: 1 / (1 + 1e-5).squareRoot(), count: 3), shape: shape, tolerance: 1e-6)
        }
        // One image with several positions per channel is fine.
        #expect(throws: Never.self) {
            try Tensor.batchNorm(Tensor.ones([1, 3, 2, 2]), weight: nil, bias: nil, runningMean: Tensor.zeros([3]),
                                 runningVar: Tensor.ones([3]), isTraining: true)
        }
    }

    @Test func shapesAreChecked() {
        let (mean, variance) = (Tensor.zeros([3]), Tensor.ones([3]))
        #expect(throws: TensorError.shapeMismatch(op: "batchNorm weight", [4], [3])) {
            try Tensor.batchNorm(Tensor.ones([2, 3]), weight: Tensor.ones([4]), bias: nil, runningMean: mean, runningVar: variance, isTraining: true)
        }
        #expect(throws: TensorError.shapeMismatch(op: "batchNorm runningVar", [1, 3, 1, 1], [3])) {
            try Tensor.batchNorm(Tensor.ones([2, 3, 2, 2]), weight: nil, bias: nil, runningMean: mean, runningVar: Tensor.ones([1, 3, 1, 1]),
                                 isTraining: false)
        }
        expectThrows(TensorError.batchNormRankBelowTwo([3]), text: "batchNorm needs an input of rank 2 or more, [N, C] or [N, C, H, W], but got shape [3]") {
            try Tensor.batchNorm(Tensor.ones([3]), weight: nil, bias: nil, runningMean: mean, runningVar: variance, isTraining: false)
        }
    }

    @Test func runningStatisticsMoveWithoutAGraphAndAnEmptyBatchLeavesThem() throws {
        let (mean, variance) = (Tensor.zeros([2]), Tensor.ones([2]))
        let x = Tensor(shape: [2, 2], scalars: [0, 1, 2, 5])
        let y = try GradientMode.withoutGradients {
            try Tensor.batchNorm(x, weight: nil, bias: nil, runningMean: mean, runningVar: variance, isTraining: true)
        }
        #expect(!y.requiresGrad && y.gradientNode == nil)
        assertClose(mean, [0.1, 0.3], shape: [2], tolerance: 1e-6)
        assertClose(variance, [0.9 + 0.1 * 2, 0.9 + 0.1 * 8], shape: [2], tolerance: 1e-6)
        let empty = try Tensor.batchNorm(Tensor.zeros([0, 2]), weight: nil, bias: nil, runningMean: mean, runningVar: variance, isTraining: true)
        #expect(empty.shape == [0, 2])
        assertClose(mean, [0.1, 0.3], shape: [2], tolerance: 1e-6)
    }
}

import LitNN
import LitRandom
import LitTensor

/// The pieces of a training step around the convolutions: batch normalisation, the fully
/// connected layer and the optimizer updates, named as in torch_ops.py.
extension BenchCases {
    static let batchNormShapes: [(String, [Int])] = [
        ("lenet-c1", [batch, 6, 24, 24]), ("lenet-c2", [batch, 16, 8, 8]), ("lenet-fc", [batch, 120]),
        ("resnet-64", [batch, 64, 28, 28]),
    ]

    /// The parameters of the seed's LeNet (28×28 input, the first convolution padded),
    /// about 62k values in 10 tensors.
    static let lenetParameterShapes = [[6, 1, 5, 5], [6], [16, 6, 5, 5], [16], [120, 400], [120], [84, 120], [84], [10, 84], [10]]

    static func trainingCases() -> [(String, () -> BenchCase)] {
        var cases: [(String, () -> BenchCase)] = batchNormShapes.map { tag, shape in ("bn-" + tag, { batchNorm(shape) }) }
        cases += [
            ("linear-lenet-fc", { linear(rows: batch, inFeatures: 256, outFeatures: 120) }),
            ("adam-lenet", { optimizer(adam: true) }),
            ("sgd-momentum-lenet", { optimizer(adam: false) }),
        ]
        return cases
    }

    /// Training-mode forward and backward, as BatchNorm2d/BatchNorm1d run in a training step.
    private static func batchNorm(_ shape: [Int]) -> BenchCase {
        var random = SplitMix64(seed: 1)
        let channels = shape[1]
        let x = Tensor.parameter(Tensor.randn(shape, using: &random))
        let weight = Tensor.parameter(Tensor.ones([channels])), bias = Tensor.parameter(Tensor.zeros([channels]))
        let (runningMean, runningVar) = (Tensor.zeros([channels]), Tensor.ones([channels]))
        let gradient = Tensor.randn(shape, using: &random)
        return BenchCase(prepare: { x.grad = nil; weight.grad = nil; bias.grad = nil }, step: {
            try Tensor.batchNorm(x, weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar, isTraining: true)
                .backward(gradient: gradient)
        })
    }

    private static func linear(rows: Int, inFeatures: Int, outFeatures: Int) -> BenchCase {
        var random = SplitMix64(seed: 2)
        let x = Tensor.parameter(Tensor.randn([rows, inFeatures], using: &random))
        let weight = Tensor.parameter(Tensor.randn([outFeatures, inFeatures], using: &random))
        let bias = Tensor.parameter(Tensor.randn([outFeatures], using: &random))
        let gradient = Tensor.randn([rows, outFeatures], using: &random)
        return BenchCase(prepare: { x.grad = nil; weight.grad = nil; bias.grad = nil }, step: {
            try Tensor.linear(x, weight: weight, bias: bias).backward(gradient: gradient)
        }, gflop: 3 * 2 * Double(rows * inFeatures * outFeatures) / 1e9)
    }

    /// One optimizer step over every LeNet parameter (Adam at lr 0.001, or SGD with momentum 0.9).
    private static func optimizer(adam: Bool) -> BenchCase {
        var random = SplitMix64(seed: 3)
        let parameters = lenetParameterShapes.map { Tensor.randn($0, using: &random) }
        let gradients = lenetParameterShapes.map { Tensor.randn($0, using: &random) }
        let firstMoments = lenetParameterShapes.map { Tensor.zeros($0) }, secondMoments = lenetParameterShapes.map { Tensor.zeros($0) }
        var buffers: [Tensor?] = Array(repeating: nil, count: parameters.count)
        var step = 0
        return BenchCase(step: {
            step += 1
            for i in parameters.indices {
                if adam {
                    try Tensor.adamStep(parameter: parameters[i], gradient: gradients[i], firstMoment: firstMoments[i],
                                        secondMoment: secondMoments[i], learningRate: 1e-3, step: step)
                } else {
                    buffers[i] = try Tensor.sgdStep(parameter: parameters[i], gradient: gradients[i], momentumBuffer: buffers[i],
                                                    learningRate: 0.01, momentum: 0.9)
                }
            }
        })
    }
}

import LitRandom
import LitTensor

/// One timed operation: `prepare` runs untimed before each step.
struct BenchCase {
    var prepare: () -> Void = {}
    var step: () throws -> Void
    var gflop: Double = 0
    /// Images per step, for the training and evaluation cases.
    var images: Int = 0
}

/// The cases, named as in torch_ops.py so that the two sides line up.
enum BenchCases {
    static let batch = 16
    static let elementwiseShape = [batch, 64, 24, 24]

    /// (tag, inChannels, size, outChannels, kernel, stride, padding)
    static let convolutions: [(String, Int, Int, Int, Int, Int, Int)] = [
        ("lenet-c1", 1, 28, 6, 5, 1, 0), ("lenet-c2", 6, 12, 16, 5, 1, 0),
        ("resnet-stem7x7", 1, 28, 64, 7, 2, 3), ("resnet-64-7x7", 64, 7, 64, 3, 1, 1),
        ("resnet-64to128-s2", 64, 7, 128, 3, 2, 1), ("resnet-128-4x4", 128, 4, 128, 3, 1, 1),
        ("resnet-128to256-s2", 128, 4, 256, 3, 2, 1), ("resnet-256-2x2", 256, 2, 256, 3, 1, 1),
        ("resnet-256to512-s2", 256, 2, 512, 3, 2, 1), ("resnet-512-1x1", 512, 1, 512, 3, 1, 1),
        ("resnet-1x1-64to128-s2", 64, 7, 128, 1, 2, 0),
        ("densenet-stem7x7", 1, 96, 64, 7, 2, 3), ("densenet-b1-64", 64, 24, 32, 3, 1, 1),
        ("densenet-b1-160", 160, 24, 32, 3, 1, 1), ("densenet-b2-96", 96, 12, 32, 3, 1, 1),
        ("densenet-b2-192", 192, 12, 32, 3, 1, 1), ("densenet-b3-208", 208, 6, 32, 3, 1, 1),
        ("densenet-b4-216", 216, 3, 32, 3, 1, 1), ("densenet-trans1x1-192", 192, 24, 96, 1, 1, 0),
    ]

    static func all() -> [(String, () -> BenchCase)] {
        var random = SplitMix64(seed: 0)
        var cases: [(String, () -> BenchCase)] = convolutions.map { shape in
            ("conv-" + shape.0, { convolution(shape, &random) })
        }
        let a = Tensor.randn(elementwiseShape, using: &random), b = Tensor.randn(elementwiseShape, using: &random)
        let c = Tensor.randn([1, 64, 1, 1], using: &random)
        let positive = Tensor.rand(elementwiseShape, using: &random) + 0.1
        let small1 = Tensor.randn([batch, 120], using: &random), small2 = Tensor.randn([batch, 120], using: &random)
        func measure(_ body: @escaping () throws -> Tensor) -> () -> BenchCase { { BenchCase(step: { _ = try body() }) } }
        cases += [
            ("ew-add", measure { try a + b }), ("ew-mul", measure { try a * b }), ("ew-add-bcast", measure { try a + c }),
            ("ew-scalar-mul", measure { a * 0.5 }), ("ew-relu", measure { a.relu() }), ("ew-exp", measure { a.exp() }),
            ("ew-log", measure { positive.log() }), ("ew-sigmoid", measure { a.sigmoid() }), ("ew-tanh", measure { a.tanh() }),
            ("ew-sqrt", measure { positive.sqrt() }), ("ew-square", measure { a.squared() }),
            ("overhead-add-16x120", measure { try small1 + small2 }),
            ("red-sum", measure { a.sum() }), ("red-mean-nhw", measure { try a.mean(dims: [0, 2, 3], keepDim: true) }),
            ("red-sum-dim3", measure { try a.sum(dim: 3) }), ("red-max-dim1", measure { try a.max(dim: 1) }),
            ("red-argmax-dim1", measure { try a.argmax(dim: 1) }),
        ]
        let m1 = Tensor.randn([256, 256], using: &random), m2 = Tensor.randn([256, 256], using: &random)
        let f1 = Tensor.randn([16, 256], using: &random), f2 = Tensor.randn([256, 120], using: &random)
        cases += [
            ("matmul-256", { BenchCase(step: { _ = try Tensor.matmul(m1, m2) }, gflop: 2 * 256 * 256 * 256 / 1e9) }),
            ("matmul-lenet-fc", { BenchCase(step: { _ = try Tensor.matmul(f1, f2) }, gflop: 2 * 16 * 256 * 120 / 1e9) }),
            ("pool-max2-lenet", { pooling([batch, 6, 24, 24], &random) { try $0.maxPool2d(kernelSize: 2, stride: 2) } }),
            ("pool-max3s2p1-resnet", { pooling([batch, 64, 14, 14], &random) { try $0.maxPool2d(kernelSize: 3, stride: 2, padding: 1) } }),
            ("pool-avg2-densenet", { pooling([batch, 192, 24, 24], &random) { try $0.avgPool2d(kernelSize: 2, stride: 2) } }),
            ("softmax-ce", { softmaxCrossEntropy(&random) }),
        ]
        return cases + trainingCases()
    }

    private static func convolution(_ shape: (String, Int, Int, Int, Int, Int, Int), _ random: inout SplitMix64) -> BenchCase {
        let (_, inChannels, size, outChannels, kernel, stride, padding) = shape
        let x = Tensor.parameter(Tensor.randn([batch, inChannels, size, size], using: &random))
        let weight = Tensor.parameter(Tensor.randn([outChannels, inChannels, kernel, kernel], using: &random))
        let bias = Tensor.parameter(Tensor.randn([outChannels], using: &random))
        let outSize = (size + 2 * padding - kernel) / stride + 1
        let gradient = Tensor.randn([batch, outChannels, outSize, outSize], using: &random)
        let flop = 3.0 * 2 * Double(batch * outChannels * outSize * outSize * inChannels * kernel * kernel)
        return BenchCase(prepare: { x.grad = nil; weight.grad = nil; bias.grad = nil }, step: {
            try Tensor.conv2d(x, weight: weight, bias: bias, stride: HeightWidth(stride), padding: HeightWidth(padding)).backward(gradient: gradient)
        }, gflop: flop / 1e9)
    }

    private static func pooling(_ shape: [Int], _ random: inout SplitMix64, _ pool: @escaping (Tensor) throws -> Tensor) -> BenchCase {
        let x = Tensor.parameter(Tensor.randn(shape, using: &random))
        let gradient = try! GradientMode.withoutGradients { Tensor.randn(try pool(x).shape, using: &random) }
        return BenchCase(prepare: { x.grad = nil }, step: { try pool(x).backward(gradient: gradient) })
    }

    private static func softmaxCrossEntropy(_ random: inout SplitMix64) -> BenchCase {
        let logits = Tensor.parameter(Tensor.randn([batch, 10], using: &random))
        let labels = Tensor(shape: [batch], scalars: (0..<batch).map { _ in Float(random.below(10)) })
        return BenchCase(prepare: { logits.grad = nil }, step: { try Tensor.crossEntropy(logits, labels).backward() })
    }
}

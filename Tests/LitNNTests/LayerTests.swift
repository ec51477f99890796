import Foundation
import LitNN
import LitRandom
import LitTensor
import LitTensorTestSupport
import Testing

/// Each built-in layer's forward against a Double reference written from its definition,
/// and its backward (input and parameter gradients) against finite differences.
@Suite struct LayerTests {
    var random = SplitMix64(seed: 11)

    @Test mutating func conv2dLayerForwardAndBackward() throws {
        let conv = Conv2d(3, 4, kernelSize: 3, stride: 2, padding: 1, using: &random)
        let x = TestData.uniform([2, 3, 7, 7], seed: 1)
        let expected = Naive.conv2d(x, NaiveTensor(conv.weight), bias: NaiveTensor(conv.bias!), stride: 2, padding: 1)
        assertClose(try conv(x.tensor()), expected, tolerance: 1e-4, absolute: 1e-5)
        try GradientCheck.check([x.parameter(), conv.weight, conv.bias!]) { inputs in try conv(inputs[0]) }
    }

    @Test mutating func linearLayerForwardAndBackward() throws {
        let linear = Linear(5, 3, using: &random)
        let x = TestData.uniform([4, 5], seed: 2)
        assertClose(try linear(x.tensor()), Naive.linear(x, NaiveTensor(linear.weight), bias: NaiveTensor(linear.bias!)),
                    tolerance: 1e-5, absolute: 1e-6)
        try GradientCheck.check([x.parameter(), linear.weight, linear.bias!]) { inputs in try linear(inputs[0]) }
        let noBias = Linear(5, 2, bias: false, using: &random)
        #expect(noBias.parameters().count == 1)
        assertClose(try noBias(x.tensor()), Naive.linear(x, NaiveTensor(noBias.weight), bias: nil), tolerance: 1e-5, absolute: 1e-6)
    }

    @Test func poolingLayersForwardAndBackward() throws {
        // Values at least 0.05 apart, so that no finite-difference step swaps a window's maximum.
        var generator = SplitMix64(seed: 3)
        let x = NaiveTensor(shape: [2, 3, 6, 6], values: (0..<216).map { Double($0) * 0.05 - 5 }.shuffled(using: &generator))
        let layers: [(Module, NaiveTensor)] = [
            (MaxPool2d(kernelSize: 2, stride: 2), Naive.pool2d(x, kernel: 2, stride: 2, padding: 0, average: false)),
            (MaxPool2d(kernelSize: 3, stride: 2, padding: 1), Naive.pool2d(x, kernel: 3, stride: 2, padding: 1, average: false)),
            (AvgPool2d(kernelSize: 2), Naive.pool2d(x, kernel: 2, stride: 2, padding: 0, average: true)),
        ]
        for (layer, expected) in layers {
            assertClose(try layer(x.tensor()), expected, tolerance: 1e-6, absolute: 1e-7, layer.description)
            try GradientCheck.check([x.parameter()]) { inputs in try layer(inputs[0]) }
        }
        let global = try GlobalAvgPool2d()(x.tensor())
        #expect(global.shape == [2, 3, 1, 1])
        let firstPlane = x.values[0..<36].reduce(0, +) / 36
        #expect(abs(Double(global.scalars[0]) - firstPlane) < 1e-6)
        try GradientCheck.check([x.parameter()]) { inputs in try GlobalAvgPool2d()(inputs[0]) }
    }

    @Test func activationsAndFlatten() throws {
        let x = TestData.uniform([2, 3, 2, 2], -3...3, seed: 4)
        assertClose(try Sigmoid()(x.tensor()), x.values.map { 1 / (1 + Foundation.exp(-$0)) }, shape: x.shape, tolerance: 1e-6)
        assertClose(try ReLU()(x.tensor()), x.values.map { max($0, 0) }, shape: x.shape, tolerance: 0)
        assertClose(try Flatten()(x.tensor()), x.values, shape: [2, 12], tolerance: 0)
        for layer in [Sigmoid(), Flatten()] as [Module] {
            try GradientCheck.check([x.parameter()]) { inputs in try layer(inputs[0]) }
        }
    }

    /// BatchNorm2d in training mode normalises with the batch's statistics and moves the
    /// running ones by momentum with the unbiased variance; in eval mode it uses them.
    @Test func batchNormLayerAgainstHandComputedStatistics() throws {
        // One channel, four values 1, 2, 3, 6: mean 3, biased variance 3.5, unbiased 14/3.
        let bn = BatchNorm2d(1)
        let x = Tensor(shape: [2, 1, 1, 2], scalars: [1, 2, 3, 6])
        let y = try bn(x)
        let sigma = (3.5 + 1e-5).squareRoot()
        assertClose(y, [-2, -1, 0, 3].map { $0 / sigma }, shape: [2, 1, 1, 2], tolerance: 1e-5)
        assertClose(bn.runningMean, [0.1 * 3], shape: [1], tolerance: 1e-6)
        assertClose(bn.runningVar, [0.9 + 0.1 * 14 / 3], shape: [1], tolerance: 1e-6)
        bn.eval()
        let z = try bn(Tensor(shape: [1, 1, 1, 1], scalars: [2]))
        assertClose(z, [(2 - 0.3) / (0.9 + 1.4 / 3 + 1e-5).squareRoot()], shape: [1, 1, 1, 1], tolerance: 1e-5)
        #expect(abs(Double(bn.runningMean.scalars[0]) - 0.3) < 1e-6, "eval leaves the running statistics alone")
    }

    @Test func layersSpeakOfShapesInTheirOwnTerms() throws {
        var generator = SplitMix64(seed: 1)
        expectThrows(ModuleError.inputShape(layer: "Linear(10, 5)", expected: "[..., 10]", got: [2, 7]),
                     text: "Linear(10, 5) expects input of shape [..., 10], got [2, 7]") {
            try Linear(10, 5, using: &generator)(Tensor.zeros([2, 7]))
        }
        expectThrows(ModuleError.inputChannels(layer: "Conv2d(3, 8, kernelSize: 3)", expected: 3, got: 1, input: [1, 1, 28, 28]),
                     text: "Conv2d(3, 8, kernelSize: 3) expects 3 input channels, got 1 (input [1, 1, 28, 28])") {
            try Conv2d(3, 8, kernelSize: 3, using: &generator)(Tensor.zeros([1, 1, 28, 28]))
        }
        expectThrows(ModuleError.inputShape(layer: "Conv2d(1, 6, kernelSize: 5, stride: 2, padding: 1, bias: false)",
                                            expected: "[N, 1, H, W]", got: [28, 28]),
                     text: "Conv2d(1, 6, kernelSize: 5, stride: 2, padding: 1, bias: false) expects input of shape [N, 1, H, W], got [28, 28]") {
            try Conv2d(1, 6, kernelSize: 5, stride: 2, padding: 1, bias: false, using: &generator)(Tensor.zeros([28, 28]))
        }
        expectThrows(ModuleError.inputShape(layer: "MaxPool2d(kernelSize: 2, stride: 2)", expected: "[N, C, H, W]", got: [2, 7]),
                     text: "MaxPool2d(kernelSize: 2, stride: 2) expects input of shape [N, C, H, W], got [2, 7]") {
            try MaxPool2d(kernelSize: 2)(Tensor.zeros([2, 7]))
        }
        expectThrows(ModuleError.inputShape(layer: "AvgPool2d(kernelSize: 3, stride: 1, padding: 1)", expected: "[N, C, H, W]", got: [5]),
                     text: "AvgPool2d(kernelSize: 3, stride: 1, padding: 1) expects input of shape [N, C, H, W], got [5]") {
            try AvgPool2d(kernelSize: 3, stride: 1, padding: 1)(Tensor.zeros([5]))
        }
        // In a Sequential, the path comes first and the layer is not named twice.
        let net = Sequential(Flatten(), Linear(10, 5, using: &generator))
        #expect(throws: LayerError(path: ["1"], layer: "Linear",
                                   underlying: ModuleError.inputShape(layer: "Linear(10, 5)", expected: "[..., 10]", got: [2, 7]))) {
            try net(Tensor.zeros([2, 7]))
        }
        #expect(LayerError(path: ["1"], layer: "Linear",
                           underlying: ModuleError.inputShape(layer: "Linear(10, 5)", expected: "[..., 10]", got: [2, 7])).description
                == "in layer 1: Linear(10, 5) expects input of shape [..., 10], got [2, 7]")
    }

    @Test func batchNormLayersCheckTheirInputs() throws {
        expectThrows(ModuleError.batchNormInputShape(layer: "BatchNorm1d", features: 4, inputRank: 2, got: [2, 4, 3, 3]),
                     text: "BatchNorm1d(4) expects input of shape [N, 4], got [2, 4, 3, 3]") { try BatchNorm1d(4)(Tensor.zeros([2, 4, 3, 3])) }
        expectThrows(ModuleError.batchNormInputShape(layer: "BatchNorm2d", features: 4, inputRank: 4, got: [2, 3, 3, 3]),
                     text: "BatchNorm2d(4) expects input of shape [N, 4, H, W], got [2, 3, 3, 3]") { try BatchNorm2d(4)(Tensor.zeros([2, 3, 3, 3])) }
        let bn = BatchNorm1d(3, momentum: 0.5)
        let x = TestData.uniform([6, 3], seed: 5)
        _ = try bn(x.tensor())
        let (mean, _, unbiased) = Naive.channelStatistics(x)
        assertClose(bn.runningMean, mean.map { 0.5 * $0 }, shape: [3], tolerance: 1e-5, absolute: 1e-6)
        assertClose(bn.runningVar, unbiased.map { 0.5 + 0.5 * $0 }, shape: [3], tolerance: 1e-5)
        try GradientCheck.check([x.parameter(), bn.weight, bn.bias]) { inputs in try bn(inputs[0]) }
    }
}

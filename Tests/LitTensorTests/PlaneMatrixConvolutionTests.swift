import LitRandom
import LitTensor
import LitTensorTestSupport
import Testing

/// Convolutions through the plane matrix (each pass one SGEMM, the weight gradient summed
/// back onto its taps), against the definition and finite differences.
@Suite struct PlaneMatrixConvolutionTests {
    /// (batch, inChannels, height, width, outChannels, kernel, stride, padding); the last
    /// three as (height, width).
    static let shapes: [(Int, Int, Int, Int, Int, (Int, Int), (Int, Int), (Int, Int))] = [
        (3, 5, 2, 2, 4, (3, 3), (1, 1), (1, 1)),   // ResNet's 2×2 planes: every tap meets some output
        (2, 6, 1, 1, 3, (3, 3), (1, 1), (1, 1)),   // a 1×1 plane: only the centre tap is live
        (2, 4, 2, 2, 5, (3, 3), (2, 2), (1, 1)),   // 2×2 to 1×1 at stride 2: four taps live
        (2, 3, 5, 4, 2, (2, 3), (2, 1), (0, 1)),   // a larger plane and a rectangular window work too
        (17, 3, 1, 2, 2, (1, 1), (1, 1), (0, 0)),  // pointwise, with a batch that is no multiple of 16
    ]

    @Test(arguments: shapes.indices)
    func matchesTheDefinitionWithItsGradients(_ index: Int) throws {
        let (batch, inChannels, height, width, outChannels, kernel, stride, padding) = Self.shapes[index]
        let x = TestData.uniform([batch, inChannels, height, width], seed: 900 + UInt64(index))
        let weight = TestData.uniform([outChannels, inChannels, kernel.0, kernel.1], seed: 910 + UInt64(index))
        let bias = TestData.uniform([outChannels], seed: 920 + UInt64(index))
        let (s, p) = (HeightWidth(stride.0, stride.1), HeightWidth(padding.0, padding.1))
        let convolve = { (inputs: [Tensor]) throws -> Tensor in
            try Tensor.conv2d(inputs[0], weight: inputs[1], bias: inputs.count > 2 ? inputs[2] : nil, stride: s, padding: p,
                              engine: .planeMatrix)
        }
        let reference = Naive.conv2d(x, weight, bias: bias, stride: stride, padding: padding)
        assertClose(try convolve([x.tensor(), weight.tensor(), bias.tensor()]), reference, tolerance: 1e-5, absolute: 1e-5)
        let unbiased = Naive.conv2d(x, weight, bias: nil, stride: stride, padding: padding)
        assertClose(try convolve([x.tensor(), weight.tensor()]), unbiased, tolerance: 1e-5, absolute: 1e-5)
        try GradientCheck.check([x.parameter(), weight.parameter(), bias.parameter()], convolve)

        guard stride.0 == stride.1, padding.0 == padding.1 else { return }
        let inputs = [x.parameter(), weight.parameter(), bias.parameter()]
        let output = try convolve(inputs)
        let seed = TestData.uniform(output.shape, seed: 930 + UInt64(index))
        try output.backward(gradient: seed.tensor())
        let expected = Naive.conv2dBackward(seed, x, weight, stride: stride.0, padding: padding.0)
        for (gradient, truth) in zip(inputs.map(\.grad), [expected.input, expected.weight, expected.bias]) {
            assertClose(try #require(gradient), truth, tolerance: 1e-5, absolute: 1e-5)
        }
    }

    /// The automatic engine takes the plane matrix where it is at most twice the weights:
    /// ResNet-18's 2×2 and 1×1 planes at 28×28, and no layer of DenseNet or LeNet.
    @Test func onlyTinyPlanesTakeThePlaneMatrix() throws {
        func pays(_ input: [Int], _ weight: [Int], stride: Int = 1, padding: Int = 1) throws -> Bool {
            try Convolution(input: input, weight: weight, stride: HeightWidth(stride), padding: HeightWidth(padding)).planeMatrixPays
        }
        #expect(try pays([16, 256, 2, 2], [256, 256, 3, 3]))
        #expect(try pays([16, 512, 1, 1], [512, 512, 3, 3]))
        #expect(try pays([16, 256, 2, 2], [512, 256, 3, 3], stride: 2))
        #expect(try !pays([16, 128, 4, 4], [128, 128, 3, 3]))
        #expect(try !pays([16, 256, 2, 2], [512, 256, 1, 1], stride: 2, padding: 0))
        #expect(try !pays([16, 216, 3, 3], [32, 216, 3, 3]))
        #expect(try !pays([16, 6, 12, 12], [16, 6, 5, 5], padding: 0))
    }

    /// The weight gradient through the plane matrix declares the taps that meet the input:
    /// the centre alone on a 1×1 plane, the lower right four from 2×2 at stride 2; every
    /// tap of a 2×2 plane at stride 1. The declared taps hold all that is not 0.
    @Test(arguments: [([1, 3, 1, 1], 1, [4]), ([2, 3, 2, 2], 2, [4, 5, 7, 8]), ([2, 3, 2, 2], 1, [])])
    func theWeightGradientDeclaresItsLiveTaps(_ input: [Int], _ stride: Int, _ live: [Int]) throws {
        var random = SplitMix64(seed: 41)
        let x = Tensor.randn(input, using: &random), weight = Tensor.parameter(Tensor.randn([4, 3, 3, 3], using: &random))
        let y = try Tensor.conv2d(x, weight: weight, bias: nil, stride: HeightWidth(stride), padding: HeightWidth(1),
                                  engine: .planeMatrix)
        try y.backward(gradient: Tensor.randn(y.shape, using: &random))
        let gradient = try #require(weight.grad)
        // [] stands for every tap: nothing to declare.
        #expect(gradient.support == (live.isEmpty ? nil : PeriodicSupport(period: 9, offsets: live)))
        let values = gradient.scalars
        for (index, value) in values.enumerated() where !live.isEmpty && !live.contains(index % 9) { #expect(value == 0) }
        #expect(values.contains { $0 != 0 })
        // oneDNN's weight gradient declares nothing; a write ends a declaration.
        let other = Tensor.parameter(weight.detached())
        try Tensor.conv2d(x, weight: other, bias: nil, stride: HeightWidth(stride), padding: HeightWidth(1), engine: .oneDNN)
            .backward(gradient: Tensor.randn(y.shape, using: &random))
        #expect(other.grad?.support == nil)
        gradient.withUnsafeMutablePointer { $0[0] = 1 }
        #expect(gradient.support == nil)
    }

    /// Evaluation reuses a layer's plane matrix while its weights stay as they are; any
    /// write to them, through the parameter or through another view of its values, must
    /// give a fresh one.
    @Test func aChangedWeightIsNeverServedAStaleMatrix() throws {
        let x = TestData.uniform([4, 3, 2, 2], seed: 940)
        var values = TestData.uniform([5, 3, 3, 3], seed: 941)
        let weight = Tensor.parameter(values.tensor())
        let convolve = { try GradientMode.withoutGradients { try Tensor.conv2d(x.tensor(), weight: weight, padding: 1) } }
        for step in 0..<4 {
            assertClose(try convolve(), Naive.conv2d(x, values, bias: nil, stride: 1, padding: 1), tolerance: 1e-5,
                        absolute: 1e-5, "step \(step)")
            assertClose(try convolve(), Naive.conv2d(x, values, bias: nil, stride: 1, padding: 1), tolerance: 1e-5,
                        absolute: 1e-5, "step \(step), again")
            let change = TestData.uniform([5, 3, 3, 3], seed: 950 + UInt64(step))
            if step % 2 == 0 {
                try GradientMode.withoutGradients { try weight.add(change.tensor(), scaledBy: 1) }
            } else {
                try weight.detached().add(change.tensor(), scaledBy: 1)
            }
            values = NaiveTensor(shape: values.shape, values: zip(values.values, change.values).map { Double(Float($0) + Float($1)) })
        }
    }
}

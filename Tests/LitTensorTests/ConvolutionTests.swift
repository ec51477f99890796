import LitTensor
import LitTensorTestSupport
import Testing

/// conv2d against hand-computed cases and a direct seven-loop reference; its gradients
/// against finite differences and a direct adjoint.
@Suite struct TensorConvolutionTests {
    let nine = Tensor(shape: [1, 1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])

    @Test func twoByTwoOnesWithoutPadding() throws {
        let y = try Tensor.conv2d(nine, weight: Tensor.ones([1, 1, 2, 2]))
        #expect(y.shape == [1, 1, 2, 2])
        #expect(y.scalars == [12, 16, 24, 28])
    }

    @Test func twoByTwoOnesWithPaddingOneAndStrideTwo() throws {
        // The padded image is 5×5 with a ring of zeros; windows start at rows and columns 0 and 2:
        // [0 0; 0 1] = 1, [0 0; 2 3] = 5, [0 4; 0 7] = 11, [5 6; 8 9] = 28.
        let y = try Tensor.conv2d(nine, weight: Tensor.ones([1, 1, 2, 2]), stride: 2, padding: 1)
        #expect(y.shape == [1, 1, 2, 2])
        #expect(y.scalars == [1, 5, 11, 28])
    }

    @Test func kernelIsNotFlipped() throws {
        // Cross-correlation: out[0,0] = 1·1 + 2·2 + 3·4 + 4·5 = 37 (a flipped kernel would give 23).
        let w = Tensor(shape: [1, 1, 2, 2], scalars: [1, 2, 3, 4])
        let y = try Tensor.conv2d(nine, weight: w, bias: Tensor(shape: [1], scalars: [0.5]))
        #expect(y.scalars == [37.5, 47.5, 67.5, 77.5])
    }

    @Test func channelsAddAndOutputsStack() throws {
        // Two input channels (the image and its negative plus 10), two filters.
        let x = Tensor(shape: [1, 2, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 8, 7, 6, 5, 4, 3, 2, 1])
        let w = Tensor(shape: [2, 2, 1, 1], scalars: [1, 1, 2, -1])
        let y = try Tensor.conv2d(x, weight: w, bias: Tensor(shape: [2], scalars: [0, 100]))
        #expect(y.shape == [1, 2, 3, 3])
        #expect(y.scalars == [10, 10, 10, 10, 10, 10, 10, 10, 10] + [93, 96, 99, 102, 105, 108, 111, 114, 117])
    }

    /// (batch, inChannels, height, width, outChannels, kernel, stride, padding)
    static let shapes: [(Int, Int, Int, Int, Int, Int, Int, Int)] = [
        (1, 1, 5, 5, 1, 3, 1, 0), (2, 3, 7, 7, 4, 3, 2, 1), (3, 2, 6, 9, 3, 1, 1, 0), (1, 2, 9, 8, 2, 5, 1, 2),
        (2, 1, 11, 10, 2, 7, 2, 3), (1, 3, 8, 8, 2, 3, 2, 0), (2, 2, 5, 5, 3, 5, 3, 2), (3, 4, 4, 6, 5, 2, 2, 1),
        (1, 1, 3, 3, 2, 3, 1, 1), (2, 8, 12, 12, 6, 3, 1, 1), (4, 8, 16, 16, 8, 3, 1, 1),
        (1, 2, 7, 8, 2, 2, 3, 1), (1, 1, 8, 8, 1, 1, 2, 0),
    ]

    @Test(arguments: shapes)
    func forwardMatchesTheReference(_ shape: (Int, Int, Int, Int, Int, Int, Int, Int)) throws {
        let (n, c, h, w, o, k, s, p) = shape
        let seed = UInt64(n * 7 + c * 11 + h * 13 + k * 17 + s * 19 + p * 23)
        let x = TestData.uniform([n, c, h, w], seed: seed), weight = TestData.uniform([o, c, k, k], seed: seed + 1)
        let bias = TestData.uniform([o], seed: seed + 2)
        let magnitude = Naive.conv2d(Naive.map(x, abs), Naive.map(weight, abs), bias: Naive.map(bias, abs), stride: s, padding: p)
        for withBias in [false, true] {
            let y = try Tensor.conv2d(x.tensor(), weight: weight.tensor(), bias: withBias ? bias.tensor() : nil, stride: HeightWidth(s), padding: HeightWidth(p))
            let reference = Naive.conv2d(x, weight, bias: withBias ? bias : nil, stride: s, padding: p)
            assertClose(y, reference, tolerance: 1e-6 * Double(c * k * k + 1), absolute: 1e-12, magnitudes: magnitude,
                        "for \(shape), bias \(withBias)")
        }
    }

    @Test func gradientsByFiniteDifferences() throws {
        let x = TestData.uniform([2, 2, 5, 5], seed: 90).parameter(), w = TestData.uniform([3, 2, 3, 3], seed: 91).parameter()
        let b = TestData.uniform([3], seed: 92).parameter()
        try GradientCheck.check([x, w, b]) { try Tensor.conv2d($0[0], weight: $0[1], bias: $0[2], stride: 2, padding: 1) }
        let x2 = TestData.uniform([1, 2, 4, 5], seed: 93).parameter(), w2 = TestData.uniform([2, 2, 2, 3], seed: 94).parameter()
        try GradientCheck.check([x2, w2]) { try Tensor.conv2d($0[0], weight: $0[1]) }
    }

    /// (input shape, weight shape, stride, padding); the second unfolds to 72 × 1024 values,
    /// enough for the unfolding and folding back to run on several cores.
    static let adjointCases: [([Int], [Int], Int, Int)] = [([2, 3, 9, 8], [4, 3, 3, 3], 2, 1), ([4, 8, 16, 16], [8, 8, 3, 3], 1, 1)]

    @Test(arguments: adjointCases)
    func gradientsMatchTheAdjoint(_ inputShape: [Int], _ weightShape: [Int], _ s: Int, _ p: Int) throws {
        let x = TestData.uniform(inputShape, seed: 95), w = TestData.uniform(weightShape, seed: 96), b = TestData.uniform([weightShape[0]], seed: 97)
        let (px, pw, pb) = (x.parameter(), w.parameter(), b.parameter())
        let y = try Tensor.conv2d(px, weight: pw, bias: pb, stride: HeightWidth(s), padding: HeightWidth(p))
        #expect(y.shape == Naive.conv2d(x, w, bias: b, stride: s, padding: p).shape)
        let g = TestData.uniform(y.shape, seed: 98)
        try y.backward(gradient: g.tensor())
        let reference = Naive.conv2dBackward(g, x, w, stride: s, padding: p)
        let magnitude = Naive.conv2dBackward(Naive.map(g, abs), Naive.map(x, abs), Naive.map(w, abs), stride: s, padding: p)
        assertClose(try #require(px.grad), reference.input, tolerance: 1e-5, absolute: 1e-12, magnitudes: magnitude.input, "input")
        assertClose(try #require(pw.grad), reference.weight, tolerance: 1e-5, absolute: 1e-12, magnitudes: magnitude.weight, "weight")
        assertClose(try #require(pb.grad), reference.bias, tolerance: 1e-5, absolute: 1e-12, magnitudes: magnitude.bias, "bias")
    }

    /// Shapes where some kernel rows or columns only ever meet padding (a 3×3 kernel with
    /// padding 1 over a 1×1 image uses only its centre): their weight gradients are exactly 0.
    static let deadTapShapes: [([Int], [Int], Int, Int)] = [
        ([2, 3, 1, 1], [4, 3, 3, 3], 1, 1), ([1, 2, 2, 2], [3, 2, 5, 5], 1, 2), ([2, 2, 1, 5], [3, 2, 3, 3], 1, 1),
        ([1, 1, 2, 7], [2, 1, 5, 5], 2, 2), ([3, 4, 3, 2], [2, 4, 5, 5], 1, 2),
    ]

    @Test(arguments: deadTapShapes)
    func kernelTapsThatOnlySeePadding(_ inputShape: [Int], _ weightShape: [Int], _ s: Int, _ p: Int) throws {
        let x = TestData.uniform(inputShape, seed: 101), w = TestData.uniform(weightShape, seed: 102), b = TestData.uniform([weightShape[0]], seed: 103)
        // Twice, with different output gradients: nothing may linger from the first call.
        for round in 0..<2 {
            let (px, pw, pb) = (x.parameter(), w.parameter(), b.parameter())
            let y = try Tensor.conv2d(px, weight: pw, bias: pb, stride: HeightWidth(s), padding: HeightWidth(p))
            let reference = Naive.conv2d(x, w, bias: b, stride: s, padding: p)
            assertClose(y, reference, tolerance: 1e-5, absolute: 1e-6, "forward, round \(round)")
            let g = TestData.uniform(y.shape, seed: 104 + UInt64(round))
            try y.backward(gradient: g.tensor())
            let adjoint = Naive.conv2dBackward(g, x, w, stride: s, padding: p)
            assertClose(try #require(px.grad), adjoint.input, tolerance: 1e-5, absolute: 1e-6, "input, round \(round)")
            assertClose(try #require(pw.grad), adjoint.weight, tolerance: 1e-5, absolute: 1e-6, "weight, round \(round)")
            assertClose(try #require(pb.grad), adjoint.bias, tolerance: 1e-5, absolute: 1e-6, "bias, round \(round)")
            let dead = adjoint.weight.values.indices.filter { adjoint.weight.values[$0] == 0 }
            #expect(!dead.isEmpty && dead.allSatisfy { pw.grad!.scalars[$0] == 0 }, "dead taps \(dead.count)")
        }
    }

    @Test func onlyRequestedGradientsAreComputed() throws {
        // The input is data, only the weights train: the input gets no .grad.
        let x = TestData.uniform([1, 2, 4, 4], seed: 99).tensor(), w = TestData.uniform([1, 2, 3, 3], seed: 100).parameter()
        try GradientCheck.check([w]) { try Tensor.conv2d(x, weight: $0[0], padding: 1) }
        #expect(x.grad == nil)
    }

    @Test func badShapesThrow() {
        let w = Tensor.zeros([2, 3, 3, 3])
        expectThrows(TensorError.needsRank4(op: "conv2d", [3, 5, 5]), text: "conv2d needs a rank-4 input [N, C, H, W], but got shape [3, 5, 5]") { try Tensor.conv2d(Tensor.zeros([3, 5, 5]), weight: w) }
        #expect(throws: TensorError.conv2dChannels(input: [1, 4, 5, 5], weight: [2, 3, 3, 3])) {
            try Tensor.conv2d(Tensor.zeros([1, 4, 5, 5]), weight: w)
        }
        #expect(throws: TensorError.shapeMismatch(op: "conv2d bias", [3], [2])) {
            try Tensor.conv2d(Tensor.zeros([1, 3, 5, 5]), weight: w, bias: Tensor.zeros([3]))
        }
        // A kernel larger than the padded input, and a zero stride.
        expectThrows(TensorError.kernelLargerThanInput(kernelHeight: 3, kernelWidth: 3, paddedHeight: 2, paddedWidth: 2), text: "conv2d kernel 3×3 is larger than the padded input 2×2") { try Tensor.conv2d(Tensor.zeros([1, 3, 2, 2]), weight: w) }
        expectThrows(TensorError.invalidConvolutionStep, text: "conv2d needs stride > 0 and padding >= 0") { try Tensor.conv2d(Tensor.zeros([1, 3, 5, 5]), weight: w, stride: 0) }
    }
}

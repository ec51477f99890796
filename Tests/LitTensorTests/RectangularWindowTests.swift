import LitTensor
import LitTensorTestSupport
import Testing

/// Convolution and pooling with a window, stride and padding of different height and
/// width, as `nn.Conv2d(1, 1, kernel_size=(3, 5), padding=(0, 1), stride=(3, 4))`.
@Suite struct RectangularWindowTests {
    /// (input height, width, kernel, stride, padding), each (height, width).
    static let convolutions: [(Int, Int, (Int, Int), (Int, Int), (Int, Int))] = [
        (6, 8, (1, 2), (1, 1), (0, 0)), (8, 8, (5, 3), (1, 1), (2, 1)), (8, 8, (3, 5), (3, 4), (0, 1)),
        (7, 9, (2, 4), (2, 1), (1, 2)), (5, 6, (1, 3), (2, 3), (0, 1)),
    ]

    @Test(arguments: convolutions.indices)
    func convolutionMatchesTheReferenceWithItsGradients(_ index: Int) throws {
        let (h, w, kernel, stride, padding) = Self.convolutions[index]
        let x = TestData.uniform([2, 3, h, w], seed: 800 + UInt64(index))
        let weight = TestData.uniform([4, 3, kernel.0, kernel.1], seed: 810 + UInt64(index))
        let bias = TestData.uniform([4], seed: 820 + UInt64(index))
        let (s, p) = (HeightWidth(stride.0, stride.1), HeightWidth(padding.0, padding.1))
        let y = try Tensor.conv2d(x.tensor(), weight: weight.tensor(), bias: bias.tensor(), stride: s, padding: p)
        let reference = Naive.conv2d(x, weight, bias: bias, stride: stride, padding: padding)
        assertClose(y, reference, tolerance: 1e-5, absolute: 1e-5, "case \(index)")
        try GradientCheck.check([x.parameter(), weight.parameter(), bias.parameter()]) {
            try Tensor.conv2d($0[0], weight: $0[1], bias: $0[2], stride: s, padding: p)
        }
    }

    /// d2l's example: a 4×4 ramp pooled by (2, 3) windows, stride (2, 3), padding (0, 1).
    @Test func maxPoolingWithARectangularWindow() throws {
        let x = Tensor(shape: [1, 1, 4, 4], scalars: (0..<16).map(Float.init))
        let y = try x.maxPool2d(kernelSize: HeightWidth(2, 3), stride: HeightWidth(2, 3), padding: HeightWidth(0, 1))
        #expect(y.shape == [1, 1, 2, 2] && y.scalars == [5, 7, 13, 15])
    }

    @Test(arguments: [false, true])
    func poolingMatchesTheReferenceWithItsGradient(_ average: Bool) throws {
        let x = TestData.distinct([2, 2, 7, 9], seed: 830)
        let (kernel, stride, padding) = ((2, 4), (3, 2), (1, 2))
        let pool = { (t: Tensor) throws -> Tensor in
            let (k, s, p) = (HeightWidth(kernel.0, kernel.1), HeightWidth(stride.0, stride.1), HeightWidth(padding.0, padding.1))
            return average ? try t.avgPool2d(kernelSize: k, stride: s, padding: p) : try t.maxPool2d(kernelSize: k, stride: s, padding: p)
        }
        let reference = Naive.pool2d(x, kernel: kernel, stride: stride, padding: padding, average: average)
        assertClose(try pool(x.tensor()), reference, tolerance: 1e-6, absolute: 1e-6)
        try GradientCheck.check([x.parameter()]) { try pool($0[0]) }
    }

    @Test func badWindowsAreErrors() {
        let x = Tensor.zeros([1, 1, 4, 4])
        expectThrows(TensorError.kernelLargerThanInput(kernelHeight: 1, kernelWidth: 7, paddedHeight: 4, paddedWidth: 6),
                     text: "conv2d kernel 1×7 is larger than the padded input 4×6") {
            try Tensor.conv2d(x, weight: Tensor.zeros([1, 1, 1, 7]), padding: HeightWidth(0, 1))
        }
        #expect(throws: TensorError.invalidConvolutionStep) { try Tensor.conv2d(x, weight: Tensor.zeros([1, 1, 1, 1]), stride: HeightWidth(1, 0)) }
        #expect(throws: TensorError.invalidPoolingWindow(op: "maxPool2d")) {
            try x.maxPool2d(kernelSize: HeightWidth(2, 3), padding: HeightWidth(1, 2))
        }
        expectThrows(TensorError.windowLargerThanInput(op: "avgPool2d", kernel: HeightWidth(2, 5), paddedHeight: 4, paddedWidth: 4),
                     text: "avgPool2d window 2×5 is larger than the padded input 4×4") {
            try x.avgPool2d(kernelSize: HeightWidth(2, 5))
        }
    }
}

import LitTensor
import LitTensorTestSupport
import Testing

/// Max, average and global average pooling: hand-computed cases, a direct reference, and
/// gradients by hand and by finite differences.
@Suite struct TensorPoolingTests {
    /// 1  3  2  4
    /// 5  6  8  7
    /// 9  2  1  0
    /// 3  4  6  5
    let grid = Tensor(shape: [1, 1, 4, 4], scalars: [1, 3, 2, 4, 5, 6, 8, 7, 9, 2, 1, 0, 3, 4, 6, 5])

    @Test func maxPoolTwoByTwoStrideTwo() throws {
        let y = try grid.maxPool2d(kernelSize: 2)
        #expect(y.shape == [1, 1, 2, 2] && y.scalars == [6, 8, 9, 6])
    }

    @Test func maxPoolThreeByThreeStrideTwoPaddingOne() throws {
        // Windows cover rows/columns -1...1 and 1...3: {1,3,5,6}, {3,2,4,6,8,7}, {5,6,9,2,3,4}, {6,8,7,2,1,0,4,6,5}.
        let y = try grid.maxPool2d(kernelSize: 3, stride: 2, padding: 1)
        #expect(y.shape == [1, 1, 2, 2] && y.scalars == [6, 8, 9, 8])
        // Padding never wins, even when every real value is negative.
        let negative = try (-grid - 1).maxPool2d(kernelSize: 3, stride: 2, padding: 1)
        #expect(negative.scalars == [-2, -3, -3, -1])
    }

    @Test func avgPoolTwoByTwoStrideTwo() throws {
        let y = try grid.avgPool2d(kernelSize: 2)
        #expect(y.shape == [1, 1, 2, 2] && y.scalars == [3.75, 5.25, 4.5, 3])
    }

    @Test func avgPoolCountsPaddedCellsInTheDivisor() throws {
        // PyTorch's count_include_pad=True: every window divides by 9, padding included.
        let y = try grid.avgPool2d(kernelSize: 3, stride: 2, padding: 1)
        assertClose(y, [15.0 / 9, 30.0 / 9, 29.0 / 9, 39.0 / 9], shape: [1, 1, 2, 2], tolerance: 1e-6)
        // [[1, 2], [3, 4]] with a 2×2 window, stride 1, padding 1: nine windows over a 4×4 padded image.
        let small = Tensor(shape: [1, 1, 2, 2], scalars: [1, 2, 3, 4])
        let z = try small.avgPool2d(kernelSize: 2, stride: 1, padding: 1)
        #expect(z.shape == [1, 1, 3, 3])
        #expect(z.scalars == [0.25, 0.75, 0.5, 1, 2.5, 1.5, 0.75, 1.75, 1])
    }

    @Test func globalAvgPoolIsThePlaneMean() throws {
        let x = TestData.uniform([2, 3, 5, 4], seed: 110)
        let y = try x.tensor().globalAvgPool2d()
        assertClose(y, Naive.mean(x, dims: [2, 3], keepDim: true), tolerance: 1e-6, absolute: 1e-7)
        expectThrows(TensorError.needsRank4(op: "globalAvgPool2d", [3, 5, 4]), text: "globalAvgPool2d needs a rank-4 input [N, C, H, W], but got shape [3, 5, 4]") { try Tensor.zeros([3, 5, 4]).globalAvgPool2d() }
    }

    /// (batch, channels, height, width, kernel, stride, padding)
    static let shapes: [(Int, Int, Int, Int, Int, Int, Int)] = [
        (1, 1, 4, 4, 2, 2, 0), (2, 3, 7, 7, 3, 2, 1), (1, 2, 6, 9, 3, 3, 0), (2, 2, 5, 8, 2, 1, 1), (1, 1, 9, 9, 5, 2, 2),
        (2, 16, 32, 32, 3, 2, 1), (1, 3, 8, 5, 4, 3, 2), (1, 2, 7, 7, 2, 3, 0), (1, 1, 5, 6, 1, 1, 0),
        (1, 1, 3, 3, 3, 2, 1), (1, 2, 6, 4, 4, 1, 2), (2, 9, 14, 14, 3, 2, 1),
    ]

    @Test(arguments: shapes)
    func forwardMatchesTheReference(_ shape: (Int, Int, Int, Int, Int, Int, Int)) throws {
        let (n, c, h, w, k, s, p) = shape
        let x = TestData.uniform([n, c, h, w], -3...3, seed: UInt64(n + c * 3 + h * 5 + k * 7 + s * 11 + p * 13))
        let maxPool = try x.tensor().maxPool2d(kernelSize: HeightWidth(k), stride: HeightWidth(s), padding: HeightWidth(p))
        assertClose(maxPool, Naive.pool2d(x, kernel: k, stride: s, padding: p, average: false), tolerance: 0, "max \(shape)")
        let avgPool = try x.tensor().avgPool2d(kernelSize: HeightWidth(k), stride: HeightWidth(s), padding: HeightWidth(p))
        let magnitude = Naive.pool2d(Naive.map(x, abs), kernel: k, stride: s, padding: p, average: true)
        assertClose(avgPool, Naive.pool2d(x, kernel: k, stride: s, padding: p, average: true), tolerance: 1e-6, absolute: 1e-12,
                    magnitudes: magnitude, "avg \(shape)")
    }

    @Test func badArgumentsThrow() {
        expectThrows(TensorError.needsRank4(op: "maxPool2d", [4, 4]), text: "maxPool2d needs a rank-4 input [N, C, H, W], but got shape [4, 4]") { try Tensor.zeros([4, 4]).maxPool2d(kernelSize: 2) }
        expectThrows(TensorError.invalidPoolingWindow(op: "maxPool2d"), text: "maxPool2d needs kernelSize > 0, stride > 0 and 0 <= padding <= kernelSize / 2") { try Tensor.zeros([1, 1, 4, 4]).maxPool2d(kernelSize: 0) }
        expectThrows(TensorError.invalidPoolingWindow(op: "avgPool2d"), text: "avgPool2d needs kernelSize > 0, stride > 0 and 0 <= padding <= kernelSize / 2") { try Tensor.zeros([1, 1, 4, 4]).avgPool2d(kernelSize: 2, padding: 2) }
        expectThrows(TensorError.windowLargerThanInput(op: "avgPool2d", kernel: 3, paddedHeight: 2, paddedWidth: 2), text: "avgPool2d window 3×3 is larger than the padded input 2×2") { try Tensor.zeros([1, 1, 2, 2]).avgPool2d(kernelSize: 3) }
    }

    // MARK: Gradients

    @Test func maxPoolRoutesTheGradientToTheWinner() throws {
        let x = Tensor.parameter(grid)
        try x.maxPool2d(kernelSize: 2).backward(gradient: Tensor(shape: [1, 1, 2, 2], scalars: [1, 2, 3, 4]))
        #expect(x.grad?.scalars == [0, 0, 0, 0, 0, 1, 2, 0, 3, 0, 0, 0, 0, 0, 4, 0])
        // Overlapping windows: 8 wins windows 1 and 3 and collects both gradients; 9 wins window 2.
        let y = Tensor.parameter(grid)
        try y.maxPool2d(kernelSize: 3, stride: 2, padding: 1).backward(gradient: Tensor(shape: [1, 1, 2, 2], scalars: [1, 2, 3, 4]))
        #expect(y.grad?.scalars == [0, 0, 0, 0, 0, 1, 6, 0, 3, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func avgPoolSpreadsTheGradientEvenly() throws {
        let x = Tensor.parameter(grid)
        try x.avgPool2d(kernelSize: 2).backward(gradient: Tensor(shape: [1, 1, 2, 2], scalars: [4, 8, 12, 16]))
        #expect(x.grad?.scalars == [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4])
        // With padding each cell gets g/9 from every window that covers it: rows and columns
        // 0...1 are in window 0 along that axis, 1...3 in window 1 (row/column 1 in both).
        let y = Tensor.parameter(grid)
        try y.avgPool2d(kernelSize: 3, stride: 2, padding: 1).backward(gradient: Tensor(shape: [1, 1, 2, 2], scalars: [9, 18, 27, 36]))
        let expected: [Double] = [1, 3, 2, 2, 4, 10, 6, 6, 3, 7, 4, 4, 3, 7, 4, 4]
        assertClose(try #require(y.grad), expected, shape: [1, 1, 4, 4], tolerance: 1e-6)
    }

    /// (input shape, kernel, stride, padding): the first two have 32768 values (several cores).
    static let adjointCases: [([Int], Int, Int, Int)] = [
        ([2, 16, 32, 32], 2, 2, 0), ([2, 16, 32, 32], 3, 2, 1), ([1, 2, 6, 4], 4, 1, 2), ([2, 1, 3, 3], 3, 2, 1),
        ([1, 3, 7, 9], 3, 3, 1), ([1, 1, 5, 6], 2, 1, 1),
    ]

    @Test(arguments: adjointCases)
    func gradientsMatchTheAdjoint(_ shape: [Int], _ k: Int, _ s: Int, _ p: Int) throws {
        // Distinct values: a single winner in every window.
        let x = TestData.distinct(shape, spacing: 1e-3, seed: 112)
        let outShape = [shape[0], shape[1], Naive.outputSize(shape[2], kernel: k, stride: s, padding: p),
                        Naive.outputSize(shape[3], kernel: k, stride: s, padding: p)]
        let g = TestData.uniform(outShape, seed: 113)
        let maxInput = x.parameter()
        try maxInput.maxPool2d(kernelSize: HeightWidth(k), stride: HeightWidth(s), padding: HeightWidth(p)).backward(gradient: g.tensor())
        // A cell that wins overlapping windows adds their gradients: judged against sum |g|.
        let magnitude = Naive.pool2dBackward(Naive.map(g, abs), x, kernel: k, stride: s, padding: p, average: false)
        assertClose(try #require(maxInput.grad), Naive.pool2dBackward(g, x, kernel: k, stride: s, padding: p, average: false),
                    tolerance: 1e-6, magnitudes: magnitude, "max")
        let avgInput = x.parameter()
        try avgInput.avgPool2d(kernelSize: HeightWidth(k), stride: HeightWidth(s), padding: HeightWidth(p)).backward(gradient: g.tensor())
        let spread = Naive.pool2dBackward(Naive.map(g, abs), x, kernel: k, stride: s, padding: p, average: true)
        assertClose(try #require(avgInput.grad), Naive.pool2dBackward(g, x, kernel: k, stride: s, padding: p, average: true),
                    tolerance: 1e-6, magnitudes: spread, "avg")
    }

    @Test func gradientsByFiniteDifferences() throws {
        // Distinct values 0.1 apart: no two cells of a window are within 2h of each other.
        let x = TestData.distinct([2, 2, 5, 5], spacing: 0.1, seed: 111).parameter()
        try GradientCheck.check([x]) { try $0[0].maxPool2d(kernelSize: 2) }
        try GradientCheck.check([x]) { try $0[0].maxPool2d(kernelSize: 3, stride: 2, padding: 1) }
        try GradientCheck.check([x]) { try $0[0].avgPool2d(kernelSize: 3, stride: 2, padding: 1) }
        try GradientCheck.check([x]) { try $0[0].avgPool2d(kernelSize: 2, stride: 1) }
        try GradientCheck.check([x]) { try $0[0].globalAvgPool2d() }
    }

    /// Every window's maximum is tied (a checkerboard of 0s and 1s), and some windows hold a
    /// NaN or only -inf: the output and the gradient's route follow a row-by-row scan that
    /// keeps the first maximum and lets a NaN win, on the vectorised inner windows as on the
    /// clipped border ones. A column-first scan would pick other cells. 17 planes of 15 × 15:
    /// the first 16 are pooled side by side, the last alone; 21 × 21 planes go row by row.
    @Test(arguments: [(3, 2, 1), (3, 1, 1), (3, 3, 0), (2, 2, 0)], [15, 21])
    func tiesAndNaNsGoToTheFirstWinnerInScanOrder(_ window: (Int, Int, Int), _ size: Int) throws {
        let (k, s, p) = window
        let planes = 17
        var values: [Float] = []
        for plane in 0..<planes {
            var cells = (0..<size * size).map { Float(($0 / size + $0 % size) % 2) }
            cells[(9 + plane % 3) * size + 12 - plane % 5] = .nan
            if plane % 4 == 3 { for i in 0..<3 * size { cells[i] = -.infinity } }
            values += cells
        }
        let x = Tensor.parameter(Tensor(shape: [1, planes, size, size], scalars: values))
        let y = try x.maxPool2d(kernelSize: HeightWidth(k), stride: HeightWidth(s), padding: HeightWidth(p))
        try y.backward(gradient: Tensor.ones(y.shape))
        let outSize = (size + 2 * p - k) / s + 1
        var expected = [Float](repeating: 0, count: values.count), expectedOutput: [Float] = []
        for plane in 0..<planes {
            let base = plane * size * size
            for oh in 0..<outSize {
                for ow in 0..<outSize {
                    var winner = -1
                    for row in max(oh * s - p, 0)..<min(oh * s - p + k, size) {
                        for column in max(ow * s - p, 0)..<min(ow * s - p + k, size) {
                            let at = base + row * size + column, v = values[at]
                            if winner < 0 || v > values[winner] || (v.isNaN && !values[winner].isNaN) { winner = at }
                        }
                    }
                    expected[winner] += 1
                    expectedOutput.append(values[winner])
                }
            }
        }
        #expect(y.scalars.map(\.bitPattern) == expectedOutput.map(\.bitPattern))
        #expect(x.grad?.scalars == expected)
    }
}

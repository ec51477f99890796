import LitTensor
import LitTensorTestSupport
import Testing

/// The fully connected layer, y = x · weightᵀ + bias, against a triple loop in Double.
@Suite struct TensorLinearTests {
    @Test(arguments: [(1, 1, 1), (5, 7, 4), (16, 256, 120), (33, 17, 65), (3, 120, 84)])
    func matchesTheReferenceWithAndWithoutBias(_ rows: Int, _ inFeatures: Int, _ outFeatures: Int) throws {
        let seed = UInt64(rows * 10_000 + inFeatures * 100 + outFeatures)
        let x = TestData.uniform([rows, inFeatures], seed: seed), weight = TestData.uniform([outFeatures, inFeatures], seed: seed + 1)
        let bias = TestData.uniform([outFeatures], seed: seed + 2)
        let magnitudes = Naive.linear(Naive.map(x, abs), Naive.map(weight, abs), bias: Naive.map(bias, abs))
        for withBias in [true, false] {
            let y = try Tensor.linear(x.tensor(), weight: weight.tensor(), bias: withBias ? bias.tensor() : nil)
            assertClose(y, Naive.linear(x, weight, bias: withBias ? bias : nil), tolerance: 1e-6 * Double(inFeatures + 1),
                        absolute: 1e-12, magnitudes: magnitudes, "\(rows)×\(inFeatures) → \(outFeatures), bias \(withBias)")
        }
    }

    @Test func backwardMatchesTheReference() throws {
        let (rows, inFeatures, outFeatures) = (16, 256, 120)
        let x = TestData.uniform([rows, inFeatures], seed: 51), weight = TestData.uniform([outFeatures, inFeatures], seed: 52)
        let bias = TestData.uniform([outFeatures], seed: 53), g = TestData.uniform([rows, outFeatures], seed: 54)
        let (px, pw, pb) = (x.parameter(), weight.parameter(), bias.parameter())
        try Tensor.linear(px, weight: pw, bias: pb).backward(gradient: g.tensor())
        // dx = g · W, dW = gᵀ · x, db = the column sums of g.
        let gx = Naive.matmul(g, weight), gw = Naive.matmul(Naive.transpose(g), x), gb = Naive.sum(g, dims: [0])
        assertClose(try #require(px.grad), gx, tolerance: 1e-6 * Double(outFeatures), absolute: 1e-12,
                    magnitudes: Naive.matmul(Naive.map(g, abs), Naive.map(weight, abs)))
        assertClose(try #require(pw.grad), gw, tolerance: 1e-6 * Double(rows), absolute: 1e-12,
                    magnitudes: Naive.matmul(Naive.transpose(Naive.map(g, abs)), Naive.map(x, abs)))
        assertClose(try #require(pb.grad), gb, tolerance: 1e-6 * Double(rows), absolute: 1e-12,
                    magnitudes: Naive.sum(g, dims: [0], magnitude: true))
    }

    @Test func gradientsMatchFiniteDifferences() throws {
        let inputs = [TestData.uniform([4, 5], seed: 55).parameter(), TestData.uniform([3, 5], seed: 56).parameter(),
                      TestData.uniform([3], seed: 57).parameter()]
        try GradientCheck.check(inputs) { try Tensor.linear($0[0], weight: $0[1], bias: $0[2]) }
        let withoutBias = [TestData.uniform([2, 6], seed: 58).parameter(), TestData.uniform([4, 6], seed: 59).parameter()]
        try GradientCheck.check(withoutBias) { try Tensor.linear($0[0], weight: $0[1], bias: nil) }
    }

    @Test func leadingDimensionsAreRows() throws {
        let x = TestData.uniform([2, 3, 4], seed: 60), weight = TestData.uniform([5, 4], seed: 61), bias = TestData.uniform([5], seed: 62)
        let flat = NaiveTensor(shape: [6, 4], values: x.values)
        let y = try Tensor.linear(x.tensor(), weight: weight.tensor(), bias: bias.tensor())
        assertClose(y, Naive.linear(flat, weight, bias: bias).values, shape: [2, 3, 5], tolerance: 1e-5, absolute: 1e-6)
        let vector = try Tensor.linear(Tensor(shape: [4], scalars: [1, 0, 0, 0]), weight: weight.tensor(), bias: nil)
        assertClose(vector, (0..<5).map { weight[$0, 0] }, shape: [5], tolerance: 0)
    }

    @Test func emptyDimensionsGiveBiasAndZeroGradients() throws {
        let bias = Tensor(shape: [3], scalars: [1, 2, 3])
        let y = try Tensor.linear(Tensor.zeros([2, 0]), weight: Tensor.zeros([3, 0]), bias: bias)
        #expect(y.scalars == [1, 2, 3, 1, 2, 3])
        let weight = Tensor.parameter(Tensor.ones([3, 4]))
        try Tensor.linear(Tensor.zeros([0, 4]), weight: weight, bias: nil).sum().backward()
        #expect(weight.grad?.scalars == [Float](repeating: 0, count: 12))
    }

    @Test func shapesAreChecked() {
        #expect(throws: TensorError.shapeMismatch(op: "linear", [2, 3], [4, 2])) {
            try Tensor.linear(Tensor.zeros([2, 3]), weight: Tensor.zeros([4, 2]), bias: nil)
        }
        #expect(throws: TensorError.shapeMismatch(op: "linear bias", [3], [4])) {
            try Tensor.linear(Tensor.zeros([2, 3]), weight: Tensor.zeros([4, 3]), bias: Tensor.zeros([3]))
        }
        #expect(throws: TensorError.shapeMismatch(op: "linear", [2, 3], [3])) {
            try Tensor.linear(Tensor.zeros([2, 3]), weight: Tensor.zeros([3]), bias: nil)
        }
    }
}

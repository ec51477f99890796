import LitTensor
import LitTensorTestSupport
import Testing

/// Matrix products against a triple loop in Double. A Float dot product of length k errs
/// by at most about k * 6e-8 * sum |a_ip b_pj|, which sets the tolerance.
@Suite struct TensorMatmulTests {
    static func magnitudes(_ a: NaiveTensor, _ b: NaiveTensor) -> NaiveTensor {
        Naive.matmul(Naive.map(a, abs), Naive.map(b, abs))
    }

    @Test(arguments: [(1, 1, 1), (3, 5, 2), (2, 1, 4), (7, 3, 1), (16, 256, 120), (33, 17, 65)])
    func productMatchesTheReference(_ m: Int, _ k: Int, _ n: Int) throws {
        let a = TestData.uniform([m, k], seed: UInt64(m * 1000 + k)), b = TestData.uniform([k, n], seed: UInt64(k * 1000 + n))
        let product = try Tensor.matmul(a.tensor(), b.tensor())
        assertClose(product, Naive.matmul(a, b), tolerance: 1e-6 * Double(k), absolute: 1e-12, magnitudes: TensorMatmulTests.magnitudes(a, b),
                    "\(m)×\(k) · \(k)×\(n)")
    }

    @Test func handComputedProduct() throws {
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = Tensor(shape: [3, 2], scalars: [7, 8, 9, 10, 11, 12])
        let c = try Tensor.matmul(a, b)
        #expect(c.shape == [2, 2])
        #expect(c.scalars == [58, 64, 139, 154])
    }

    @Test func anEmptyInnerDimensionGivesZeros() throws {
        // Every entry is an empty sum, as in PyTorch; the output must not be left unwritten.
        for _ in 0..<3 {
            let product = try Tensor.matmul(Tensor.zeros([64, 0]), Tensor.zeros([0, 80]))
            #expect(product.shape == [64, 80])
            #expect(product.scalars.allSatisfy { $0 == 0 })
            _ = try Tensor.matmul(Tensor.ones([64, 2]) * 7, Tensor.ones([2, 80]))  // leaves a buffer of 14s to reuse
        }
    }

    @Test func mismatchedShapesThrow() {
        #expect(throws: TensorError.matmulShapes([3, 5], [4, 2])) {
            try Tensor.matmul(Tensor.zeros([3, 5]), Tensor.zeros([4, 2]))
        }
        #expect(throws: TensorError.matmulShapes([3], [3, 2])) { try Tensor.matmul(Tensor.zeros([3]), Tensor.zeros([3, 2])) }
        #expect(throws: TensorError.matmulShapes([2, 2, 3, 4], [4, 2])) {
            try Tensor.matmul(Tensor.zeros([2, 2, 3, 4]), Tensor.zeros([4, 2]))
        }
        #expect(throws: TensorError.matmulShapes([2, 3, 4], [3, 4, 2])) {
            try Tensor.matmul(Tensor.zeros([2, 3, 4]), Tensor.zeros([3, 4, 2]))
        }
        #expect(TensorError.matmulShapes([2, 3, 4], [3, 4, 2]).description
            == "cannot multiply batches of matrices of shapes [2, 3, 4] and [3, 4, 2]: the batch sizes 2 and 3 differ, and neither is 1")
        #expect(TensorError.matmulShapes([2, 3, 4], [2, 5, 2]).description
            == "cannot multiply matrices of shapes [2, 3, 4] and [2, 5, 2]: the first's 4 columns must match the second's 5 rows")
    }

    /// Item `index` of a batch, or the matrix itself for a rank-2 operand or a batch of 1.
    static func item(_ tensor: NaiveTensor, _ index: Int) -> NaiveTensor {
        guard tensor.rank == 3 else { return tensor }
        let size = tensor.shape[1] * tensor.shape[2]
        let start = tensor.shape[0] == 1 ? 0 : index * size
        return NaiveTensor(shape: Array(tensor.shape.dropFirst()), values: Array(tensor.values[start..<start + size]))
    }

    @Test(arguments: [([3, 2, 4], [3, 4, 5]), ([3, 2, 4], [4, 5]), ([2, 4], [3, 4, 5]), ([1, 2, 4], [3, 4, 5]), ([3, 2, 4], [1, 4, 5])])
    func batchedProductsMatchTheReferenceItemByItem(_ shapeA: [Int], _ shapeB: [Int]) throws {
        let a = TestData.uniform(shapeA, seed: 85), b = TestData.uniform(shapeB, seed: 86)
        let product = try Tensor.matmul(a.tensor(), b.tensor())
        #expect(product.shape == [3, 2, 5])
        let expected = (0..<3).flatMap { Naive.matmul(Self.item(a, $0), Self.item(b, $0)).values }
        assertClose(product, NaiveTensor(shape: [3, 2, 5], values: expected), tolerance: 1e-5, absolute: 1e-6, "\(shapeA) · \(shapeB)")
        try GradientCheck.check([a.parameter(), b.parameter()]) { try Tensor.matmul($0[0], $0[1]) }
    }

    @Test func gradientsByFiniteDifferences() throws {
        let a = TestData.uniform([3, 4], seed: 80).parameter(), b = TestData.uniform([4, 2], seed: 81).parameter()
        try GradientCheck.check([a, b]) { try Tensor.matmul($0[0], $0[1]) }
        // A matrix times itself transposed: both factors carry the same parameter.
        try GradientCheck.check([a]) { try Tensor.matmul($0[0], $0[0].transposed()) }
    }

    @Test func gradientsMatchTheAdjointOnALargerCase() throws {
        // dA = G · Bᵀ and dB = Aᵀ · G for an upstream gradient G.
        let a = TestData.uniform([20, 48], seed: 82), b = TestData.uniform([48, 30], seed: 83), g = TestData.uniform([20, 30], seed: 84)
        let (pa, pb) = (a.parameter(), b.parameter())
        try Tensor.matmul(pa, pb).backward(gradient: g.tensor())
        let (bt, at) = (Naive.transpose(b), Naive.transpose(a))
        assertClose(try #require(pa.grad), Naive.matmul(g, bt), tolerance: 1e-6 * 30, absolute: 1e-12,
                    magnitudes: TensorMatmulTests.magnitudes(g, bt), "dA")
        assertClose(try #require(pb.grad), Naive.matmul(at, g), tolerance: 1e-6 * 20, absolute: 1e-12,
                    magnitudes: TensorMatmulTests.magnitudes(at, g), "dB")
    }
}

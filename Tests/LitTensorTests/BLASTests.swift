import LitRandom
import LitTensor
import Testing

/// Both matrix-product backends against a naive triple loop, with every transposition.
@Suite struct BLASTests {
    @Test(arguments: [false, true], [false, true])
    func bothBackendsMatchNaiveProduct(transposeA: Bool, transposeB: Bool) {
        let (m, n, k) = (7, 5, 9)
        var random = SplitMix64(seed: 3)
        let a = Tensor.randn(transposeA ? [k, m] : [m, k], using: &random)
        let b = Tensor.randn(transposeB ? [n, k] : [k, n], using: &random)
        let start = Tensor.randn([m, n], using: &random)
        let (lda, ldb) = (transposeA ? m : k, transposeB ? k : n)
        func element(_ t: Tensor, _ row: Int, _ column: Int, _ transposed: Bool, _ ld: Int) -> Double {
            Double(transposed ? t.scalars[column * ld + row] : t.scalars[row * ld + column])
        }
        var expected = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k { sum += element(a, i, p, transposeA, lda) * element(b, p, j, transposeB, ldb) }
                expected[i * n + j] = 2 * sum + 0.5 * Double(start.scalars[i * n + j])
            }
        }
        for backend in ["oneDNN", "OpenBLAS"] {
            let c = Tensor(shape: [m, n], scalars: start.scalars)
            withUnsafeMutablePointers(a, b, c) { a, b, c in
                if backend == "oneDNN" {
                    BLAS.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 2, a: a, lda: lda,
                               b: b, ldb: ldb, beta: 0.5, c: c, ldc: n)
                } else {
                    BLAS.openBLAS(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 2, a: a, lda: lda,
                                  b: b, ldb: ldb, beta: 0.5, c: c, ldc: n)
                }
            }
            let worst = zip(c.scalars, expected).map { abs(Double($0) - $1) }.max() ?? 0
            #expect(worst < 1e-4, "\(backend) differs from the naive product by \(worst)")
        }
    }
}

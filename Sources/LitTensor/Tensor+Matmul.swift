/// Matrix products.
extension Tensor {
    /// The product of an m×k and a k×n matrix.
    public static func matmul(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        guard a.rank == 2 && b.rank == 2 && a.shape[1] == b.shape[0] else { throw .matmulShapes(a.shape, b.shape) }
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        try checkSize([m, n], op: "matmul")
        let output = Tensor(uninitializedShape: [m, n])
        withUnsafeMutablePointers(a, b, output) { a, b, c in BLAS.sgemm(m: m, n: n, k: k, a: a, lda: k, b: b, ldb: n, c: c, ldc: n) }
        return output.recordGradient("matmul", inputs: [a, b]) { gradient in
            var ga: Tensor?, gb: Tensor?
            if a.requiresGrad {
                let g = Tensor(uninitializedShape: [m, k])
                withUnsafeMutablePointers(gradient, b, g) { gy, b, g in
                    BLAS.sgemm(transposeB: true, m: m, n: k, k: n, a: gy, lda: n, b: b, ldb: n, c: g, ldc: k)
                }
                ga = g
            }
            if b.requiresGrad {
                let g = Tensor(uninitializedShape: [k, n])
                withUnsafeMutablePointers(a, gradient, g) { a, gy, g in
                    BLAS.sgemm(transposeA: true, m: k, n: n, k: m, a: a, lda: k, b: gy, ldb: n, c: g, ldc: n)
                }
                gb = g
            }
            return [ga, gb]
        }
    }
}

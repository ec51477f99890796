/// Matrix products.
extension Tensor {
    /// The product of an m×k and a k×n matrix, or of batches of them as `torch.matmul`:
    /// [B, m, k] × [B, k, n] → [B, m, n], where a batch of 1 or a plain matrix on either
    /// side is used for every item of the other's batch.
    public static func matmul(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        guard (2...3).contains(a.rank), (2...3).contains(b.rank), a.shape[a.rank - 1] == b.shape[b.rank - 2] else {
            throw .matmulShapes(a.shape, b.shape)
        }
        if a.rank == 2 && b.rank == 2 { return try matrixProduct(a, b) }
        if b.rank == 2 {
            // One matrix for the whole batch: a single product over the stacked rows.
            let (batch, m) = (a.shape[0], a.shape[1])
            return try matrixProduct(try a.reshape([batch * m, a.shape[2]]), b).reshape([batch, m, b.shape[1]])
        }
        let batchA = a.rank == 3 ? a.shape[0] : 1, batchB = b.shape[0]
        guard batchA == batchB || batchA == 1 || batchB == 1 else { throw .matmulShapes(a.shape, b.shape) }
        var products: [Tensor] = []
        for item in 0..<Swift.max(batchA, batchB) {
            let left = a.rank == 2 ? a : try a.index(batchA == 1 ? 0 : item)
            products.append(try matrixProduct(left, try b.index(batchB == 1 ? 0 : item)))
        }
        return try stack(products, dim: 0)
    }

    /// The product of an m×k and a k×n matrix, through BLAS.
    private static func matrixProduct(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
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

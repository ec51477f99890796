import LitKernels

extension Tensor {
    /// A fully connected layer, as PyTorch's `F.linear`: `y = x · weightᵀ + bias`, for x of
    /// shape [..., in], weight [out, in] and bias [out]; y has shape [..., out].
    public static func linear(_ x: Tensor, weight: Tensor, bias: Tensor?) throws(TensorError) -> Tensor {
        guard x.rank >= 1, weight.rank == 2, x.shape[x.rank - 1] == weight.shape[1] else {
            throw .shapeMismatch(op: "linear", x.shape, weight.shape)
        }
        let (outFeatures, inFeatures) = (weight.shape[0], weight.shape[1])
        if let bias, bias.shape != [outFeatures] { throw .shapeMismatch(op: "linear bias", bias.shape, [outFeatures]) }
        let rows = x.shape.dropLast().reduce(1, *)
        let output = Tensor(uninitializedShape: x.shape.dropLast() + [outFeatures])
        // Every row starts as the bias, and the product adds onto it (beta = 1).
        for row in 0..<rows {
            let start = output.data + row * outFeatures
            if let bias { start.update(from: bias.data, count: outFeatures) } else { start.update(repeating: 0, count: outFeatures) }
        }
        if inFeatures > 0 {
            BLAS.sgemm(transposeB: true, m: rows, n: outFeatures, k: inFeatures, a: x.data, lda: inFeatures, b: weight.data,
                       ldb: inFeatures, beta: 1, c: output.data, ldc: outFeatures)
        }
        let inputs = [x, weight] + (bias.map { [$0] } ?? [])
        return output.recordGradient("linear", inputs: inputs) { gradient in
            var gx: Tensor?, gw: Tensor?, gb: Tensor?
            if x.requiresGrad {
                // [rows, out] · [out, in]
                let g = Tensor(uninitializedShape: x.shape)
                if outFeatures == 0 { g.data.update(repeating: 0, count: g.count) } else {
                    BLAS.sgemm(m: rows, n: inFeatures, k: outFeatures, a: gradient.data, lda: outFeatures, b: weight.data,
                               ldb: inFeatures, c: g.data, ldc: inFeatures)
                }
                gx = g
            }
            if weight.requiresGrad {
                // [out, rows] · [rows, in]
                let g = Tensor(uninitializedShape: weight.shape)
                if rows == 0 { g.data.update(repeating: 0, count: g.count) } else {
                    BLAS.sgemm(transposeA: true, m: outFeatures, n: inFeatures, k: rows, a: gradient.data, lda: outFeatures,
                               b: x.data, ldb: inFeatures, c: g.data, ldc: inFeatures)
                }
                gw = g
            }
            if let bias, bias.requiresGrad {
                // Rows added in order: the same bits whatever the core count.
                let g = Tensor(shape: [outFeatures], repeating: 0)
                for row in 0..<rows { lk_accumulate(gradient.data + row * outFeatures, g.data, outFeatures) }
                gb = g
            }
            return bias == nil ? [gx, gw] : [gx, gw, gb]
        }
    }
}

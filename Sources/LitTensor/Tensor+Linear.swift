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
        withUnsafeMutablePointers(x, weight, output) { x, weight, output in
            bias.withUnsafePointer { bias in
                for row in 0..<rows {
                    let start = output + row * outFeatures
                    if let bias { start.update(from: bias, count: outFeatures) } else { start.update(repeating: 0, count: outFeatures) }
                }
            }
            if inFeatures > 0 {
                BLAS.sgemm(transposeB: true, m: rows, n: outFeatures, k: inFeatures, a: x, lda: inFeatures, b: weight,
                           ldb: inFeatures, beta: 1, c: output, ldc: outFeatures)
            }
        }
        let inputs = [x, weight] + (bias.map { [$0] } ?? [])
        return output.recordGradient("linear", inputs: inputs) { gradient in
            var gx: Tensor?, gw: Tensor?, gb: Tensor?
            if x.requiresGrad {
                // [rows, out] · [out, in]
                let g = Tensor(uninitializedShape: x.shape)
                withUnsafeMutablePointers(gradient, weight, g) { gy, weight, g in
                    if outFeatures == 0 { g.update(repeating: 0, count: rows * inFeatures) } else {
                        BLAS.sgemm(m: rows, n: inFeatures, k: outFeatures, a: gy, lda: outFeatures, b: weight,
                                   ldb: inFeatures, c: g, ldc: inFeatures)
                    }
                }
                gx = g
            }
            if weight.requiresGrad {
                // [out, rows] · [rows, in]
                let g = Tensor(uninitializedShape: weight.shape)
                withUnsafeMutablePointers(gradient, x, g) { gy, x, g in
                    if rows == 0 { g.update(repeating: 0, count: outFeatures * inFeatures) } else {
                        BLAS.sgemm(transposeA: true, m: outFeatures, n: inFeatures, k: rows, a: gy, lda: outFeatures,
                                   b: x, ldb: inFeatures, c: g, ldc: inFeatures)
                    }
                }
                gw = g
            }
            if let bias, bias.requiresGrad {
                // Rows added in order: the same bits whatever the core count.
                let g = Tensor(shape: [outFeatures], repeating: 0)
                withUnsafeMutablePointers(gradient, g) { gy, g in
                    for row in 0..<rows { lk_accumulate(gy + row * outFeatures, g, outFeatures) }
                }
                gb = g
            }
            return bias == nil ? [gx, gw] : [gx, gw, gb]
        }
    }
}

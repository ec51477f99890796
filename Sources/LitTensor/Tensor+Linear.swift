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
        OperationProfile.measure(.linear) {
            withUnsafeMutablePointers(x, weight, output) { x, weight, output in
                // Every row starts as the bias, and the product adds onto it (beta = 1).
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
        }
        let inputs = [x, weight] + (bias.map { [$0] } ?? [])
        return output.recordGradient("linear", inputs: inputs) { gradient in
            OperationProfile.measure(.linear) {
                let gx = x.requiresGrad ? linearInputGradient(gradient, weight: weight, rows: rows) : nil
                let gw = weight.requiresGrad ? linearWeightGradient(gradient, input: x, rows: rows) : nil
                let gb = bias?.requiresGrad == true ? linearBiasGradient(gradient, rows: rows, outFeatures: outFeatures) : nil
                return bias == nil ? [gx, gw] : [gx, gw, gb]
            }
        }
    }

    /// [rows, out] · [out, in]
    private static func linearInputGradient(_ gradient: Tensor, weight: Tensor, rows: Int) -> Tensor {
        let (outFeatures, inFeatures) = (weight.shape[0], weight.shape[1])
        let g = Tensor(uninitializedShape: Array(gradient.shape.dropLast()) + [inFeatures])
        withUnsafeMutablePointers(gradient, weight, g) { gy, weight, g in
            if outFeatures == 0 { g.update(repeating: 0, count: rows * inFeatures) } else {
                BLAS.sgemm(m: rows, n: inFeatures, k: outFeatures, a: gy, lda: outFeatures, b: weight, ldb: inFeatures,
                           c: g, ldc: inFeatures)
            }
        }
        return g
    }

    /// [out, rows] · [rows, in]
    private static func linearWeightGradient(_ gradient: Tensor, input x: Tensor, rows: Int) -> Tensor {
        let (outFeatures, inFeatures) = (gradient.shape[gradient.rank - 1], x.shape[x.rank - 1])
        let g = Tensor(uninitializedShape: [outFeatures, inFeatures])
        withUnsafeMutablePointers(gradient, x, g) { gy, x, g in
            if rows == 0 { g.update(repeating: 0, count: outFeatures * inFeatures) } else {
                BLAS.sgemm(transposeA: true, m: outFeatures, n: inFeatures, k: rows, a: gy, lda: outFeatures, b: x,
                           ldb: inFeatures, c: g, ldc: inFeatures)
            }
        }
        return g
    }

    /// Rows added in order: the same bits whatever the core count.
    private static func linearBiasGradient(_ gradient: Tensor, rows: Int, outFeatures: Int) -> Tensor {
        let g = Tensor(shape: [outFeatures], repeating: 0)
        withUnsafeMutablePointers(gradient, g) { gy, g in
            for row in 0..<rows { lk_accumulate(gy + row * outFeatures, g, outFeatures) }
        }
        return g
    }
}

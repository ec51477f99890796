// Composed versions until the fused kernels land; removed then.
extension Tensor {
    public static func linear(_ x: Tensor, weight: Tensor, bias: Tensor?) throws(TensorError) -> Tensor {
        let y = try matmul(x, try weight.transposed())
        guard let bias else { return y }
        return try y + bias
    }

    public static func batchNorm(_ x: Tensor, weight: Tensor?, bias: Tensor?, runningMean: Tensor, runningVar: Tensor,
                                 isTraining: Bool, momentum: Float = 0.1, eps: Float = 1e-5) throws(TensorError) -> Tensor {
        let dims = x.rank == 2 ? [0] : [0, 2, 3]
        let shape = x.rank == 2 ? [1, x.shape[1]] : [1, x.shape[1], 1, 1]
        let mean: Tensor, variance: Tensor
        if isTraining {
            mean = try x.mean(dims: dims, keepDim: true)
            let centred = try x - mean
            variance = try (centred * centred).mean(dims: dims, keepDim: true)
            let n = Float(x.count / x.shape[1])
            let m = try mean.detached().reshape([x.shape[1]]), v = try variance.detached().reshape([x.shape[1]])
            for c in 0..<x.shape[1] {
                runningMean.data[c] = (1 - momentum) * runningMean.data[c] + momentum * m.data[c]
                runningVar.data[c] = (1 - momentum) * runningVar.data[c] + momentum * v.data[c] * n / (n - 1)
            }
        } else {
            mean = try runningMean.reshape(shape)
            variance = try runningVar.reshape(shape)
        }
        var y = try (x - mean) / (variance + eps).sqrt()
        if let weight { y = try y * weight.reshape(shape) }
        if let bias { y = try y + bias.reshape(shape) }
        return y
    }
}

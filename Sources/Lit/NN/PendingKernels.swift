import Foundation
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

extension Tensor {
    public static func adamStep(parameter: Tensor, gradient: Tensor, firstMoment m: Tensor, secondMoment v: Tensor,
                                learningRate: Float, beta1: Float, beta2: Float, eps: Float, step: Int) throws(TensorError) {
        let c1 = 1 - pow(beta1, Float(step)), c2 = 1 - pow(beta2, Float(step))
        for i in 0..<parameter.count {
            let g = gradient.data[i]
            m.data[i] = beta1 * m.data[i] + (1 - beta1) * g
            v.data[i] = beta2 * v.data[i] + (1 - beta2) * g * g
            let denominator = v.data[i].squareRoot() / c2.squareRoot() + eps
            parameter.data[i] -= learningRate / c1 * m.data[i] / denominator
        }
    }

    public static func sgdStep(parameter: Tensor, gradient: Tensor, velocity: Tensor?, learningRate: Float, momentum: Float,
                               weightDecay: Float) throws(TensorError) -> Tensor? {
        try parameter.add(gradient, scaledBy: -learningRate)
        return nil
    }

    public static func accuracy(_ logits: Tensor, _ labels: Tensor) throws(TensorError) -> Double {
        Double(try correctCount(logits, labels)) / Double(Swift.max(labels.count, 1))
    }

    public static func correctCount(_ logits: Tensor, _ labels: Tensor) throws(TensorError) -> Int {
        let predicted = try logits.argmax(dim: 1)
        var correct = 0
        for i in 0..<labels.count where predicted.data[i] == labels.data[i] { correct += 1 }
        return correct
    }
}

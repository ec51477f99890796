/// Softmax along a dimension, and its logarithm, computed after subtracting the largest
/// value so that large logits do not overflow.
extension Tensor {
    /// log(exp(x) / sum(exp(x))) along `dim`.
    public func logSoftmax(dim: Int) throws(TensorError) -> Tensor {
        let shifted = try self - max(dim: dim, keepDim: true).detached()
        return try shifted - shifted.exp().sum(dim: dim, keepDim: true).log()
    }

    /// exp(x) / sum(exp(x)) along `dim`: each slice along it sums to 1.
    public func softmax(dim: Int) throws(TensorError) -> Tensor {
        try logSoftmax(dim: dim).exp()
    }
}

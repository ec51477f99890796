func batchNorm(_ X: Tensor, gamma: Tensor, beta: Tensor, movingMean: Tensor, movingVar: Tensor,
               eps: Double, momentum: Double, isTraining: Bool) -> (Tensor, Tensor, Tensor) {
    if !isTraining {
        let XHat = (X - movingMean) / sqrt(movingVar + eps)
        return (gamma * XHat + beta, movingMean, movingVar)
    }
    precondition(X.rank == 2 || X.rank == 4)
    // 全连接层:对每个特征求均值和方差;卷积层:对每个通道求。
    let dims = X.rank == 2 ? [0] : [0, 2, 3]
    let mean = X.mean(dims: dims, keepDim: true)
    let variance = ((X - mean) * (X - mean)).mean(dims: dims, keepDim: true)
    let XHat = (X - mean) / sqrt(variance + eps)
    let newMean = momentum * movingMean + (1.0 - momentum) * mean
    let newVar = momentum * movingVar + (1.0 - momentum) * variance
    return (gamma * XHat + beta, newMean.detached(), newVar.detached())
}

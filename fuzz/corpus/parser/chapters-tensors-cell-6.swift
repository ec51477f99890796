func batchNorm(_ X: Tensor, gamma: Tensor, beta: Tensor, movingMean: Tensor, movingVar: Tensor,
               eps: Double, momentum: Double, isTraining: Bool) -> (Tensor, Tensor, Tensor) {
    if !isTraining {
        let XHat = (X - movingMean) / sqrt(movingVar + eps)
        return (gamma * XHat + beta, movingMean, movingVar)
    }
    precondition(X.rank == 2 || X.rank == 4)
    let dims = X.rank == 2 ? [0] : [0, 2, 3]
    let mean = X.mean(dims: dims, keepDim: true)
    let variance = ((X - mean) * (X - mean)).mean(dims: dims, keepDim: true)
    let XHat = (X - mean) / sqrt(variance + eps)
    let newMean = momentum * movingMean + (1.0 - momentum) * mean
    let newVar = momentum * movingVar + (1.0 - momentum) * variance
    return (gamma * XHat + beta, newMean.detached(), newVar.detached())
}

let shape = [1, 3, 1, 1]
let (Y, movingMean, movingVar) = batchNorm(scaled, gamma: ones(shape), beta: zeros(shape),
    movingMean: zeros(shape), movingVar: ones(shape), eps: 1e-5, momentum: 0.9, isTraining: true)
let channelMean = Y.mean(dims: [0, 2, 3], keepDim: true)
let channelVariance = ((Y - channelMean) * (Y - channelMean)).mean(dims: [0, 2, 3])
for c in 0..<3 {
    print("channel \(c): mean \(String(format: "%.4f", abs(channelMean.flatten()[c].item()))), variance \(String(format: "%.4f", channelVariance[c].item()))")
}
print(movingMean.flatten(), movingVar.shape)

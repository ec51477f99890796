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

class BatchNorm: Module {
    var gamma: Tensor
    var beta: Tensor
    var movingMean: Tensor
    var movingVar: Tensor
    init(_ numFeatures: Int, numDims: Int) {
        let shape = numDims == 2 ? [1, numFeatures] : [1, numFeatures, 1, 1]
        gamma = Parameter(ones(shape))
        beta = Parameter(zeros(shape))
        movingMean = zeros(shape)
        movingVar = zeros(shape)
        super.init()
    }
    override func forward(_ X: Tensor) -> Tensor {
        let (Y, mean, variance) = batchNorm(X, gamma: gamma, beta: beta, movingMean: movingMean,
            movingVar: movingVar, eps: 1e-5, momentum: 0.9, isTraining: isTraining)
        movingMean = mean
        movingVar = variance
        return Y
    }
}

let net = Sequential(
    Conv2d(1, 6, kernelSize: 5), BatchNorm(6, numDims: 4), Sigmoid(), MaxPool2d(kernelSize: 2, stride: 2),
    Conv2d(6, 16, kernelSize: 5), BatchNorm(16, numDims: 4), Sigmoid(), MaxPool2d(kernelSize: 2, stride: 2),
    Flatten(),
    Linear(16 * 4 * 4, 120), BatchNorm(120, numDims: 2), Sigmoid(),
    Linear(120, 84), BatchNorm(84, numDims: 2), Sigmoid(),
    Linear(84, 10))
print(net)

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

import LitTensor

/// Stochastic gradient descent, as `torch.optim.SGD`: optional momentum (the buffer
/// starts as the first gradient) and L2 weight decay.
public final class SGD: Optimizer {
    public let momentum: Double
    public let weightDecay: Double
    package var velocities: [Tensor?]

    public init(_ parameters: [Tensor], learningRate: Double, momentum: Double = 0, weightDecay: Double = 0) {
        self.momentum = momentum
        self.weightDecay = weightDecay
        velocities = Array(repeating: nil, count: parameters.count)
        super.init(parameters, learningRate: learningRate)
    }

    package override func update(_ parameter: Tensor, gradient: Tensor, slot: Int) throws(TensorError) {
        velocities[slot] = try Tensor.sgdStep(parameter: parameter, gradient: gradient, momentumBuffer: velocities[slot],
                                              learningRate: learningRate, momentum: momentum, weightDecay: weightDecay)
    }

    public override var description: String {
        "SGD(lr: \(learningRate)" + (momentum != 0 ? ", momentum: \(momentum)" : "")
            + (weightDecay != 0 ? ", weightDecay: \(weightDecay)" : "") + ")"
    }
}

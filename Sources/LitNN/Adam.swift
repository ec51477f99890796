import LitTensor

/// Adam, as `torch.optim.Adam` with its defaults: betas 0.9 and 0.999, eps 1e-8, and
/// bias correction of both moments.
public final class Adam: Optimizer {
    public let beta1: Double
    public let beta2: Double
    public let eps: Double
    /// Per parameter, once it has had a gradient: its moments and how many steps it took
    /// (a parameter without a gradient does not advance).
    package var states: [(firstMoment: Tensor, secondMoment: Tensor, steps: Int)?]

    public init(_ parameters: [Tensor], learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
                eps: Double = 1e-8) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        states = Array(repeating: nil, count: parameters.count)
        super.init(parameters, learningRate: learningRate)
    }

    package override func update(_ parameter: Tensor, gradient: Tensor, slot: Int) throws(TensorError) {
        var state = states[slot] ?? (Tensor.zeros(parameter.shape), Tensor.zeros(parameter.shape), 0)
        state.steps += 1
        states[slot] = state
        try Tensor.adamStep(parameter: parameter, gradient: gradient, firstMoment: state.firstMoment,
                            secondMoment: state.secondMoment, learningRate: learningRate, beta1: beta1, beta2: beta2,
                            eps: eps, step: state.steps)
    }

    public override var description: String {
        "Adam(lr: \(learningRate), betas: (\(beta1), \(beta2)), eps: \(eps))"
    }
}

/// Adam, as `torch.optim.Adam` with its defaults: betas 0.9 and 0.999, eps 1e-8, and
/// bias correction of both moments.
public final class Adam: Optimizer {
    public let beta1: Double
    public let beta2: Double
    public let eps: Double
    /// Steps taken so far, per parameter (a parameter without a gradient does not advance).
    private var steps: [Int]
    private var firstMoments: [Tensor?]
    private var secondMoments: [Tensor?]

    public init(_ parameters: [Tensor], learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
                eps: Double = 1e-8) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        steps = Array(repeating: 0, count: parameters.count)
        firstMoments = Array(repeating: nil, count: parameters.count)
        secondMoments = Array(repeating: nil, count: parameters.count)
        super.init(parameters, learningRate: learningRate)
    }

    override func update(_ parameter: Tensor, gradient: Tensor, slot: Int) throws(TensorError) {
        let m = firstMoments[slot] ?? Tensor.zeros(parameter.shape)
        let v = secondMoments[slot] ?? Tensor.zeros(parameter.shape)
        firstMoments[slot] = m
        secondMoments[slot] = v
        steps[slot] += 1
        try Tensor.adamStep(parameter: parameter, gradient: gradient, firstMoment: m, secondMoment: v,
                            learningRate: learningRate, beta1: beta1, beta2: beta2, eps: eps, step: steps[slot])
    }

    public override var description: String {
        "Adam(lr: \(learningRate), betas: (\(beta1), \(beta2)), eps: \(eps))"
    }
}

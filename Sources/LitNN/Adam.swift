import LitTensor

/// Adam, as `torch.optim.Adam` with its defaults: betas 0.9 and 0.999, eps 1e-8, and
/// bias correction of both moments.
public final class Adam: Optimizer {
    public let beta1: Double
    public let beta2: Double
    public let eps: Double
    /// Per parameter, once it has had a gradient: its moments and how many steps it took
    /// (a parameter without a gradient does not advance). Where a gradient declares that
    /// it is 0 outside a support (a convolution's taps that only meet padding), the
    /// moments are kept inside it only; the other moments are 0, and the full step would
    /// leave those parameters as they are.
    private var moments: [(moments: Moments, steps: Int)?]

    public init(_ parameters: [Tensor], learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
                eps: Double = 1e-8) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        moments = Array(repeating: nil, count: parameters.count)
        super.init(parameters, learningRate: learningRate)
    }

    /// The state as `torch.optim.Adam` keeps it: both moments in the parameter's shape.
    package var states: [(firstMoment: Tensor, secondMoment: Tensor, steps: Int)?] {
        get {
            zip(moments, parameters).map { state, parameter in
                state.map { state in
                    let (first, second) = state.moments.full(parameter.shape)
                    return (first, second, state.steps)
                }
            }
        }
        set {
            moments = newValue.map { $0.map { (Moments(first: $0.firstMoment, second: $0.secondMoment, support: nil), $0.steps) } }
        }
    }

    package override func update(_ parameter: Tensor, gradient: Tensor, slot: Int) throws(TensorError) {
        let steps = (moments[slot]?.steps ?? 0) + 1
        // Outside a support the full step leaves values as they are only with a positive
        // eps and a finite step. Taken before the step reads the gradient: a support holds
        // only until a write.
        let stepSize = Tensor.adamCorrections(learningRate: learningRate, beta1: beta1, beta2: beta2, step: steps).stepSize
        let support = eps > 0 && stepSize.isFinite ? gradient.support.flatMap { $0.fits(parameter.count) ? $0 : nil } : nil
        var state = moments[slot] ?? (Moments.zeros(parameter.shape, support: support), 0)
        state.moments = state.moments.kept(in: support, shape: parameter.shape)
        state.steps = steps
        moments[slot] = state
        let m = state.moments
        if let support = m.support {
            try Tensor.adamStep(parameter: parameter, gradient: gradient, supportedFirstMoment: m.first,
                                supportedSecondMoment: m.second, support: support, learningRate: learningRate, beta1: beta1,
                                beta2: beta2, eps: eps, step: state.steps)
        } else {
            try Tensor.adamStep(parameter: parameter, gradient: gradient, firstMoment: m.first, secondMoment: m.second,
                                learningRate: learningRate, beta1: beta1, beta2: beta2, eps: eps, step: state.steps)
        }
    }

    public override var description: String {
        "Adam(lr: \(learningRate), betas: (\(beta1), \(beta2)), eps: \(eps))"
    }

    /// One parameter's moments: in its shape, or only inside a support.
    private struct Moments {
        var first, second: Tensor
        var support: PeriodicSupport?

        static func zeros(_ shape: [Int], support: PeriodicSupport?) -> Moments {
            let count = support.map { [$0.supportedCount(of: shape.reduce(1, *))] } ?? shape
            return Moments(first: Tensor.zeros(count), second: Tensor.zeros(count), support: support)
        }

        /// Both moments in the parameter's shape.
        func full(_ shape: [Int]) -> (Tensor, Tensor) {
            guard let support else { return (first, second) }
            return (support.expanded(first, to: shape), support.expanded(second, to: shape))
        }

        /// The same moments, kept inside `support` where every moment outside it is 0,
        /// else in full.
        func kept(in target: PeriodicSupport?, shape: [Int]) -> Moments {
            if target == support { return self }
            let (first, second) = full(shape)
            if let target, let compactFirst = target.compacted(first), let compactSecond = target.compacted(second) {
                return Moments(first: compactFirst, second: compactSecond, support: target)
            }
            return Moments(first: first, second: second, support: nil)
        }
    }
}

import LitTensor

/// Updates a model's parameters from their gradients, as `torch.optim.Optimizer`.
/// Parameters whose gradient is nil (no backward pass reached them) are left alone.
public class Optimizer {
    public let parameters: [Tensor]
    /// The learning rate; a chapter may change it between epochs. Hyper-parameters are
    /// Doubles, as PyTorch's Python floats, so that `1 - beta` rounds as there.
    public var learningRate: Double

    package init(_ parameters: [Tensor], learningRate: Double) {
        self.parameters = parameters
        self.learningRate = learningRate
    }

    /// Forgets every gradient, as PyTorch's `zero_grad()` (which sets them to None).
    public func zeroGrad() {
        for parameter in parameters { parameter.grad = nil }
    }

    /// One update of every parameter that has a gradient.
    public func step() throws(TensorError) {
        for (index, parameter) in parameters.enumerated() {
            guard let gradient = parameter.grad else { continue }
            try update(parameter, gradient: gradient, slot: index)
        }
    }

    /// Updates one parameter; `slot` indexes per-parameter state.
    package func update(_ parameter: Tensor, gradient: Tensor, slot: Int) throws(TensorError) {
        preconditionFailure("subclasses override update(_:gradient:slot:)")
    }

    /// The name and settings `print` shows.
    public var description: String { "Optimizer" }
}

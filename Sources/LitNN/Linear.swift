import LitTensor

/// A fully connected layer, y = x·Wᵀ + b, as `nn.Linear`.
public final class Linear: Module {
    public let inFeatures: Int
    public let outFeatures: Int
    /// [outFeatures, inFeatures], PyTorch's layout.
    public let weight: Tensor
    /// [outFeatures], or nil for a layer made without a bias.
    public let bias: Tensor?

    public init<G: RandomNumberGenerator>(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, using generator: inout G) {
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        weight = Initialization.fanInUniform([outFeatures, inFeatures], fanIn: inFeatures, using: &generator)
        self.bias = bias ? Initialization.fanInUniform([outFeatures], fanIn: inFeatures, using: &generator) : nil
    }

    /// A layer around tensors it already has, as a snapshot restores it.
    package init(inFeatures: Int, outFeatures: Int, weight: Tensor, bias: Tensor?) {
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        self.weight = weight
        self.bias = bias
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        guard input.rank >= 1, input.shape[input.rank - 1] == inFeatures else {
            throw ModuleError.inputShape(layer: "Linear(\(hyperParameters))", expected: "[..., \(inFeatures)]", got: input.shape)
        }
        return try Tensor.linear(input, weight: weight, bias: bias)
    }

    public override var hyperParameters: String {
        "\(inFeatures), \(outFeatures)" + (bias == nil ? ", bias: false" : "")
    }

}

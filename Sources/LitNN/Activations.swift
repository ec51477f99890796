import LitTensor

/// Elementwise activations as layers, for `Sequential`.
public final class Sigmoid: Module {
    public override init() {}
    public override func forward(_ input: Tensor) throws -> Tensor { input.sigmoid() }
}

public final class ReLU: Module {
    public override init() {}
    public override func forward(_ input: Tensor) throws -> Tensor { input.relu() }
}

/// tanh(x) = (eˣ - e⁻ˣ) / (eˣ + e⁻ˣ), element-wise.
public final class Tanh: Module {
    public override init() {}
    public override func forward(_ input: Tensor) throws -> Tensor { input.tanh() }
}

/// Flattens every dimension after the first: [N, C, H, W] → [N, C·H·W].
public final class Flatten: Module {
    public override init() {}
    public override func forward(_ input: Tensor) throws -> Tensor { try input.flatten(from: 1) }
}

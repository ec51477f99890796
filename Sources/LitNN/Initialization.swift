import LitTensor

/// PyTorch's default initialisation of `Conv2d` and `Linear`, so that accuracies are
/// comparable with PyTorch's: weights Kaiming-uniform with a = √5, which comes to
/// uniform(±1/√fan_in), and biases uniform(±1/√fan_in).
package enum Initialization {
    /// Uniform(±1/√fanIn) for a weight or bias of `shape`.
    package static func fanInUniform<G: RandomNumberGenerator>(_ shape: [Int], fanIn: Int, using generator: inout G) -> Tensor {
        // Kaiming-uniform: gain √(2 / (1 + a²)) = √(1/3) for a = √5, bound gain·√(3 / fan_in).
        let bound = fanIn > 0 ? Float(1 / Double(fanIn).squareRoot()) : 0
        return Tensor.parameter(Tensor.uniform(shape, low: -bound, high: bound, using: &generator))
    }
}

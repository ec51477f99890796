/// One recorded operation of the gradient graph: its inputs and how to turn the
/// gradient of its output into gradients of those inputs.
final class GradientNode {
    typealias Backward = (Tensor) throws(TensorError) -> [Tensor?]

    let operation: String
    private(set) var inputs: [Tensor]
    private var backward: Backward?

    init(operation: String, inputs: [Tensor], backward: @escaping Backward) {
        self.operation = operation
        self.inputs = inputs
        self.backward = backward
    }

    /// The gradients of the inputs, in order; nil for an input that needs none.
    func inputGradients(_ outputGradient: Tensor) throws(TensorError) -> [Tensor?] {
        guard let backward else { throw .graphReleased }
        return try backward(outputGradient)
    }

    /// Drops the saved tensors once a backward pass is done with them, as PyTorch does.
    func release() {
        backward = nil
        inputs = []
    }
}

extension Tensor {
    /// Attaches `backward` to `output` when gradients are being recorded and some input
    /// needs one; otherwise records nothing. The closure must not capture `output`
    /// itself (that would be a cycle): use `output.detached()`.
    @discardableResult
    func recordGradient(_ operation: String, inputs: [Tensor], output: Tensor,
                        _ backward: @escaping GradientNode.Backward) -> Tensor {
        if GradientMode.isEnabled && inputs.contains(where: \.requiresGrad) {
            output.requiresGrad = true
            output.gradientNode = GradientNode(operation: operation, inputs: inputs, backward: backward)
        }
        return output
    }

    /// Whether this op would record a node for these inputs.
    static func needsGradient(_ inputs: Tensor...) -> Bool {
        GradientMode.isEnabled && inputs.contains(where: \.requiresGrad)
    }
}

/// One recorded operation of the gradient graph: its inputs and how to turn the
/// gradient of its output into gradients of those inputs.
package final class GradientNode {
    package typealias Backward = (Tensor) throws(TensorError) -> [Tensor?]

    package let operation: String
    package private(set) var inputs: [Tensor]
    private var backward: Backward?
    /// For an operation whose input gradients are parts of its output gradient (`cat`):
    /// the part for each input. A backward pass takes them without copying, so that a
    /// part can be added straight into another gradient of the same input.
    package private(set) var gradientRegions: [TensorRegion]?

    package init(operation: String, inputs: [Tensor], backward: @escaping Backward) {
        self.operation = operation
        self.inputs = inputs
        self.backward = backward
    }

    /// A node whose input `i` gets `regions[i]` of the output gradient.
    package convenience init(operation: String, inputs: [Tensor], regions: [TensorRegion]) {
        precondition(inputs.count == regions.count, "one region per input")
        self.init(operation: operation, inputs: inputs) { gradient in regions.map { gradient.values(in: $0) } }
        gradientRegions = regions
    }

    /// The gradients of the inputs, in order; nil for an input that needs none.
    package func inputGradients(_ outputGradient: Tensor) throws(TensorError) -> [Tensor?] {
        guard let backward else { throw .graphReleased }
        return try backward(outputGradient)
    }

    /// Whether a backward pass already went through this node.
    package var isReleased: Bool { backward == nil }

    /// Drops the saved tensors once a backward pass is done with them, as PyTorch does.
    package func release() {
        backward = nil
        inputs = []
        gradientRegions = nil
    }
}

extension Tensor {
    /// Records how this freshly computed tensor came from `inputs`, when gradients are
    /// being recorded and some input needs one; otherwise records nothing. The closure
    /// must not capture this tensor itself (that would be a cycle): use `detached()`.
    package func recordGradient(_ operation: String, inputs: [Tensor], _ backward: @escaping GradientNode.Backward) -> Tensor {
        if Tensor.needsGradient(inputs) {
            requiresGrad = true
            gradientNode = GradientNode(operation: operation, inputs: inputs, backward: backward)
        }
        return self
    }

    /// `recordGradient` for an operation whose input `i` gets `regions[i]` of the output
    /// gradient.
    package func recordGradient(_ operation: String, inputs: [Tensor], regions: [TensorRegion]) -> Tensor {
        if Tensor.needsGradient(inputs) {
            requiresGrad = true
            gradientNode = GradientNode(operation: operation, inputs: inputs, regions: regions)
        }
        return self
    }

    /// Whether an operation on these inputs would record a node.
    package static func needsGradient(_ inputs: [Tensor]) -> Bool {
        GradientMode.isEnabled && inputs.contains(where: \.requiresGrad)
    }

    package static func needsGradient(_ inputs: Tensor...) -> Bool { needsGradient(inputs) }
}

extension Tensor {
    /// Back-propagates from this one-element tensor: every trainable leaf it depends on
    /// gets the gradient added to its `.grad`, as PyTorch accumulates. The graph is freed.
    public func backward() throws(TensorError) {
        guard count == 1 else { throw .backwardFromNonScalar(shape) }
        try backward(gradient: Tensor(shape: shape, repeating: 1))
    }

    /// Back-propagates `gradient`, the gradient of some scalar with respect to this
    /// tensor (PyTorch's `y.backward(gy)`).
    public func backward(gradient seed: Tensor) throws(TensorError) {
        guard seed.shape == shape else { throw .shapeMismatch(op: "backward", shape, seed.shape) }
        guard requiresGrad else { throw .backwardWithoutGradient }
        // Gradients are plain values: computing them records no graph of its own.
        try GradientMode.withoutGradients { () throws(TensorError) in try propagate(seed) }
    }

    private func propagate(_ seed: Tensor) throws(TensorError) {
        let order = topologicalOrder()
        var gradients: [ObjectIdentifier: PendingGradient] = [ObjectIdentifier(self): .computed(seed)]
        for tensor in order {
            guard let gradient = gradients.removeValue(forKey: ObjectIdentifier(tensor))?.tensor else { continue }
            guard let node = tensor.gradientNode else {
                tensor.grad = try tensor.grad.map { previous throws(TensorError) in try previous + gradient } ?? gradient
                continue
            }
            let inputGradients: [PendingGradient?] = if let regions = node.gradientRegions {
                regions.map { .region($0, of: gradient) }
            } else {
                try node.inputGradients(gradient).map { $0.map(PendingGradient.computed) }
            }
            for (input, inputGradient) in zip(node.inputs, inputGradients) {
                guard input.requiresGrad, let inputGradient else { continue }
                let key = ObjectIdentifier(input)
                gradients[key] = try gradients[key].map { previous throws(TensorError) in
                    try previous.adding(inputGradient)
                } ?? inputGradient
            }
            node.release()
        }
    }

    /// Tensors reachable through the graph, each before every tensor it was computed
    /// from (reversed depth-first post-order, iterative so deep graphs cannot overflow).
    private func topologicalOrder() -> [Tensor] {
        var postOrder: [Tensor] = []
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(self)]
        var stack: [(tensor: Tensor, nextInput: Int)] = [(self, 0)]
        while let (tensor, next) = stack.last {
            let inputs = tensor.gradientNode?.inputs ?? []
            if next < inputs.count {
                stack[stack.count - 1].nextInput += 1
                let input = inputs[next]
                if input.requiresGrad, visited.insert(ObjectIdentifier(input)).inserted { stack.append((input, 0)) }
            } else {
                postOrder.append(tensor)
                stack.removeLast()
            }
        }
        return postOrder.reversed()
    }
}

import LitKernels

/// In-place updates, for optimizers: they change a parameter's values without recording
/// anything in the gradient graph.
extension Tensor {
    /// `self += alpha * other`, elementwise; the shapes must be equal.
    public func add(_ other: Tensor, scaledBy alpha: Float) throws(TensorError) {
        guard other.shape == shape else { throw .shapeMismatch(op: "add(_:scaledBy:)", shape, other.shape) }
        withUnsafeMutablePointers(other, self) { x, y in
            Parallel.forEachChunk(count, work: count) { range in
                lk_axpy(alpha, x + range.lowerBound, y + range.lowerBound, range.count)
            }
        }
    }
}

/// `+=`, `-=`, `*=` and `/=`: the right-hand side broadcasts to the target's shape, and
/// the target's values change where they are, so every reference to it sees them.
extension Tensor {
    public func update(_ op: Arithmetic, with other: Tensor) throws(TensorError) {
        let symbol = op.names.symbol + "="
        if GradientMode.isEnabled {
            guard !requiresGrad else { throw .inPlaceOnGradientTensor(op: symbol) }
            guard !other.requiresGrad else { throw .inPlaceDropsGradient(op: symbol) }
        }
        guard BroadcastPlan.shape(shape, other.shape) == shape else {
            throw .inPlaceShape(op: symbol, target: shape, other: other.shape)
        }
        // Each output element depends only on the target's element at the same place, so
        // writing into the target as it is read is safe.
        _ = try Tensor.combine(op.kernel, self, other, op.names.symbol, into: self)
    }

    public func update(_ op: Arithmetic, with scalar: Float) throws(TensorError) {
        try update(op, with: Tensor(scalar))
    }
}

/// Initialisation in place, PyTorch's `nn.init.normal_`, `uniform_` and `constant_`: the
/// values change where they are, drawing from the given generator, and no graph records it.
extension Tensor {
    public func fillNormal<G: RandomNumberGenerator>(mean: Float, std: Float, using generator: inout G) {
        drawStandardNormal(using: &generator)
        withUnsafeMutableBufferPointer { values in
            for index in values.indices { values[index] = mean + std * values[index] }
        }
    }

    public func fillUniform<G: RandomNumberGenerator>(from low: Float, to high: Float, using generator: inout G) {
        drawUniform(low: low, high: high, using: &generator)
    }

    public func fill(_ value: Float) {
        withUnsafeMutableBufferPointer { values in values.update(repeating: value) }
    }
}

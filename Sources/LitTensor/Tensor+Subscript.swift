/// `t[i, j]`, `t[a..<b, ...]` and assignment through them, with PyTorch's semantics: a
/// region that is one run of values is a view that shares them; any other is a copy.
extension Tensor {
    public func subscripted(_ indices: [TensorIndex]) throws(TensorError) -> Tensor {
        let region = try TensorRegion(indices, in: shape)
        // An empty region's start may lie past the end; it reads nothing either way.
        let output = region.isContiguous ? view(shape: region.resultShape, startingAt: region.count == 0 ? 0 : region.offset)
                                         : values(in: region)
        return output.recordGradient("subscript", inputs: [self]) { [shape] gradient in
            [Tensor.scattered(gradient, into: shape, at: region)]
        }
    }

    /// `t[...] = value`: the value broadcasts to the region's shape and replaces what is
    /// there. Outside `withoutGradients`, a target that requires a gradient must itself
    /// come from assignments like this (a tensor of zeros filled in place, as
    /// `Y[i, j] = (X[...] * K).sum()` does); the assignment is then recorded, so
    /// gradients reach the assigned values.
    public func assign(_ value: Tensor, at indices: [TensorIndex]) throws(TensorError) {
        let region = try TensorRegion(indices, in: shape)
        let regionShape = region.resultShape
        guard BroadcastPlan.shape(regionShape, value.shape) == regionShape else {
            throw .inPlaceShape(op: Tensor.assignmentSymbol, target: regionShape, other: value.shape)
        }
        let records = GradientMode.isEnabled && (requiresGrad || value.requiresGrad)
        if records && requiresGrad && gradientNode?.operation != Tensor.assignmentOperation {
            throw .inPlaceOnGradientTensor(op: Tensor.assignmentSymbol)
        }
        // A value that shares this tensor's storage (`X[1..<3] = X[0..<2]`) is read
        // before anything is written.
        let source = value.sharedStorage === sharedStorage ? value.copy() : value
        let filled = try GradientMode.withoutGradients { () throws(TensorError) in try source.broadcast(to: regionShape) }
        withUnsafeMutablePointers(self, filled) { target, source in
            region.forEachRun { to, from, length in (target + to).update(from: source + from, count: length) }
        }
        guard records else { return }
        let earlier = versionBeforeUpdate()
        let valueShape = value.shape, valueNeedsGradient = value.requiresGrad, earlierNeedsGradient = earlier.requiresGrad
        gradientNode = GradientNode(operation: Tensor.assignmentOperation, inputs: [earlier, value]) { gradient throws(TensorError) in
            // What was there before gets the gradient outside the region; the value, inside it.
            var kept: Tensor?
            if earlierNeedsGradient {
                kept = gradient.copy()
                kept!.withUnsafeMutablePointer { kept in
                    region.forEachRun { offset, _, length in (kept + offset).update(repeating: 0, count: length) }
                }
            }
            guard valueNeedsGradient else { return [kept, nil] }
            return [kept, try gradient.values(in: region).sum(toShape: valueShape)]
        }
        requiresGrad = true
    }

    public func assign(_ value: Float, at indices: [TensorIndex]) throws(TensorError) {
        try assign(Tensor(value), at: indices)
    }

    private static let assignmentOperation = "subscript assignment"
    private static let assignmentSymbol = "[...] ="

    /// The gradient of a subscript: zeros of the source's shape, with the region's
    /// gradient in its place.
    private static func scattered(_ gradient: Tensor, into shape: [Int], at region: TensorRegion) -> Tensor {
        let input = Tensor(shape: shape, repeating: 0)
        withUnsafeMutablePointers(gradient, input) { gy, gx in
            region.forEachRun { to, from, length in (gx + to).update(from: gy + from, count: length) }
        }
        return input
    }

    /// The region's values as a fresh tensor of the region's shape, recording nothing.
    package func values(in region: TensorRegion) -> Tensor {
        let output = Tensor(uninitializedShape: region.resultShape)
        withUnsafeMutablePointers(self, output) { source, output in
            region.forEachRun { from, to, length in (output + to).update(from: source + from, count: length) }
        }
        return output
    }
}

/// `gather`, PyTorch's `torch.gather`: picks values along one dimension by index, as the
/// hand-written cross-entropy picks each row's probability of its label.
extension Tensor {
    /// `out[i][j][k] = self[i][index[i][j][k]][k]` for `dim` 1, and likewise for the other
    /// dimensions. `index` has this tensor's rank, is no larger in the other dimensions, and
    /// holds whole numbers in `0..<shape[dim]`. The gradient adds back into the picked places.
    public func gather(dim: Int, index: Tensor) throws(TensorError) -> Tensor {
        let axis = try normalized([dim]).first!
        guard index.rank == rank, index.shape.indices.allSatisfy({ $0 == axis || index.shape[$0] <= shape[$0] }) else {
            throw .gatherIndexShape(tensor: shape, index: index.shape, dim: dim)
        }
        let positions = try sourceOffsets(axis: axis, index: index)
        let output = Tensor(uninitializedShape: index.shape)
        withUnsafeMutablePointers(self, output) { source, values in
            for (position, offset) in positions.enumerated() { values[position] = source[offset] }
        }
        guard Tensor.needsGradient(self) else { return output }
        return output.recordGradient("gather", inputs: [self]) { [shape] gradient in
            let input = Tensor(shape: shape, repeating: 0)
            withUnsafeMutablePointers(gradient, input) { gy, gx in
                for (position, offset) in positions.enumerated() { gx[offset] += gy[position] }
            }
            return [input]
        }
    }

    /// For each element of `index`, the offset in this tensor that it picks.
    private func sourceOffsets(axis: Int, index: Tensor) throws(TensorError) -> [Int] {
        let picks = index.scalars
        let size = shape[axis]
        if let bad = picks.first(where: { !($0 >= 0 && $0 < Float(size) && $0.rounded() == $0) }) {
            throw .gatherIndexValue(bad, size: size)
        }
        var strides = [Int](repeating: 1, count: rank)
        for dimension in shape.indices.dropLast().reversed() { strides[dimension] = strides[dimension + 1] * shape[dimension + 1] }
        // Walk `index` in order, with this tensor's offset of the same coordinates but
        // `axis`, which the pick then supplies.
        var walk = strides
        walk[axis] = 0
        let odometer = Odometer(sizes: index.shape, strides: walk.map { (0, $0) })
        var offsets = [Int](repeating: 0, count: picks.count)
        odometer.forEach(in: 0..<picks.count) { position, _, offset in
            offsets[position] = offset + Int(picks[position]) * strides[axis]
        }
        return offsets
    }
}

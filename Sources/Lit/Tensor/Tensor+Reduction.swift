import LitKernels

/// Sums, means and maxima, over everything or over chosen dimensions.
extension Tensor {
    public func sum() -> Tensor { try! sum(dims: Array(shape.indices)) }
    public func mean() -> Tensor { try! mean(dims: Array(shape.indices)) }

    public func sum(dim: Int, keepDim: Bool = false) throws(TensorError) -> Tensor { try sum(dims: [dim], keepDim: keepDim) }
    public func mean(dim: Int, keepDim: Bool = false) throws(TensorError) -> Tensor { try mean(dims: [dim], keepDim: keepDim) }

    public func sum(dims: [Int], keepDim: Bool = false) throws(TensorError) -> Tensor {
        let reduced = try normalized(dims)
        let output = reduceSum(reduced, keepDim: keepDim)
        return recordGradient("sum", inputs: [self], output: output) { [shape] gradient throws(TensorError) in
            [try gradient.reshape(Tensor.keptShape(shape, reduced)).broadcast(to: shape)]
        }
    }

    public func mean(dims: [Int], keepDim: Bool = false) throws(TensorError) -> Tensor {
        let reduced = try normalized(dims)
        let n = reduced.reduce(1) { $0 * shape[$1] }
        // The mean of nothing is NaN (0 × inf), as in PyTorch.
        return Tensor.affine(try sum(dims: dims, keepDim: keepDim), scale: 1 / Float(n), shift: 0, "mean")
    }

    /// The largest value; NaN if there is one.
    public func max() -> Tensor { try! flatten().max(dim: 0) }

    /// The largest value along `dim` (the first on ties); the gradient flows to it.
    public func max(dim: Int, keepDim: Bool = false) throws(TensorError) -> Tensor {
        let (values, indices) = try maxAlong(dim, keepDim: keepDim)
        let axis = try normalized([dim]).first!
        return recordGradient("max", inputs: [self], output: values) { [shape] gradient in
            let input = Tensor(shape: shape, repeating: 0)
            let (outer, inner) = (shape[..<axis].reduce(1, *), shape[(axis + 1)...].reduce(1, *))
            lk_scatter_dim(gradient.data, indices.data, outer, shape[axis], inner, input.data)
            return [input]
        }
    }

    /// The position of the largest value along `dim`, as a float tensor (the first on ties).
    public func argmax(dim: Int, keepDim: Bool = false) throws(TensorError) -> Tensor {
        try maxAlong(dim, keepDim: keepDim).indices
    }

    private func maxAlong(_ dim: Int, keepDim: Bool) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let axis = try normalized([dim]).first!
        guard shape[axis] > 0 else { throw .invalidArgument("max over an empty dimension") }
        let outputShape = Tensor.keptShape(shape, [axis], keep: keepDim)
        let values = Tensor(uninitializedShape: outputShape), indices = Tensor(uninitializedShape: outputShape)
        let (outer, inner) = (shape[..<axis].reduce(1, *), shape[(axis + 1)...].reduce(1, *))
        let (x, v, i, d) = (data, values.data, indices.data, shape[axis])
        Parallel.forEachChunk(outer, work: count) { range in
            let start = range.lowerBound
            lk_max_dim(x + start * d * inner, range.count, d, inner, v + start * inner, i + start * inner)
        }
        return (values, indices)
    }

    /// Sums a broadcast gradient back down to `shape`, the shape of the operand.
    func sum(toShape target: [Int]) throws(TensorError) -> Tensor {
        if shape == target { return self }
        let extra = rank - target.count
        let reduced = shape.indices.filter { $0 < extra || (target[$0 - extra] == 1 && shape[$0] != 1) }
        return try sum(dims: reduced, keepDim: true).reshape(target)
    }

    /// Dimensions checked and made non-negative (PyTorch's -1 is the last).
    func normalized(_ dims: [Int]) throws(TensorError) -> Set<Int> {
        var result = Set<Int>()
        for dim in dims {
            let axis = dim < 0 ? dim + rank : dim
            guard axis >= 0 && axis < rank else { throw .invalidDimension(dim, rank: rank) }
            result.insert(axis)
        }
        return result
    }

    static func keptShape(_ shape: [Int], _ reduced: Set<Int>, keep: Bool = true) -> [Int] {
        shape.indices.compactMap { reduced.contains($0) ? (keep ? 1 : nil) : shape[$0] }
    }

    private func reduceSum(_ reduced: Set<Int>, keepDim: Bool) -> Tensor {
        let output = Tensor(shape: Tensor.keptShape(shape, reduced, keep: keepDim), repeating: 0)
        let plan = ReductionPlan(shape, reducing: reduced)
        let x = data
        if plan.rowCount == 1 && plan.rowsReduce {
            // Everything into one value: partial sums per core, added in Double.
            let chunks = Parallel.chunkCount(count, work: count)
            var partials = [Double](repeating: 0, count: Swift.max(chunks, 1))
            partials.withUnsafeMutableBufferPointer { partials in
                Parallel.forEach(chunks: chunks, of: count) { chunk, range in
                    partials[chunk] = Double(lk_sum(x + range.lowerBound, range.count))
                }
            }
            output.data.pointee = Float(partials.reduce(0, +))
            return output
        }
        if plan.rowsReduce && plan.outputCount == plan.rowCount {
            // Row r folds into output r: no two cores write the same value.
            let (y, length) = (output.data, plan.rowLength)
            Parallel.forEachChunk(plan.rowCount, work: count) { rows in
                lk_sum_rows(x + rows.lowerBound * length, rows.count, length, y + rows.lowerBound)
            }
            return output
        }
        // Each core folds its share of rows into its own buffer; the buffers are added.
        let chunks = Parallel.chunkCount(plan.rowCount, work: count)
        let buffers = [output] + (1..<Swift.max(chunks, 1)).map { _ in Tensor(shape: [plan.outputCount], repeating: 0) }
        let length = plan.rowLength
        Parallel.forEach(chunks: chunks, of: plan.rowCount) { chunk, rows in
            let y = buffers[chunk].data
            plan.forEachRow(in: rows) { row, outputOffset in
                if plan.rowsReduce {
                    (y + outputOffset).pointee += lk_sum(x + row * length, length)
                } else {
                    lk_accumulate(x + row * length, y + outputOffset, length)
                }
            }
        }
        for buffer in buffers.dropFirst() { lk_accumulate(buffer.data, output.data, plan.outputCount) }
        return output
    }
}

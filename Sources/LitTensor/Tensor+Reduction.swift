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
        return output.recordGradient("sum", inputs: [self]) { [shape] gradient throws(TensorError) in
            [try gradient.reshape(Tensor.keptShape(shape, reduced)).broadcast(to: shape)]
        }
    }

    public func mean(dims: [Int], keepDim: Bool = false) throws(TensorError) -> Tensor {
        let reduced = try normalized(dims)
        let n = reduced.reduce(1) { $0 * shape[$1] }
        // The mean of nothing is NaN (0 × inf), as in PyTorch.
        return Tensor.affine(try sum(dims: dims, keepDim: keepDim), scale: 1 / Float(n), shift: 0, "mean")
    }

    /// The largest value; NaN if there is one. Tied maxima share the gradient evenly, as
    /// in PyTorch's max() (its max(dim:) gives all of it to the first, as ours does).
    public func max() -> Tensor {
        let value = GradientMode.withoutGradients { try! flatten().max(dim: 0) }
        guard Tensor.needsGradient([self]) else { return value }
        let largest = value.withUnsafePointer { $0.pointee }
        // The tied positions, found now: the input may change in place before backward.
        let ties = withUnsafeBufferPointer { values in
            values.indices.filter { largest.isNaN ? values[$0].isNaN : values[$0] == largest }
        }
        return value.recordGradient("max", inputs: [self]) { [shape] gradient in
            let input = Tensor(shape: shape, repeating: 0)
            let share = gradient.withUnsafePointer { $0.pointee } / Float(ties.count)
            input.withUnsafeMutableBufferPointer { input in for index in ties { input[index] = share } }
            return [input]
        }
    }

    /// The largest value along `dim` (the first on ties); the gradient flows to it.
    public func max(dim: Int, keepDim: Bool = false) throws(TensorError) -> Tensor {
        let (values, indices, axis) = try maxAlong(dim, keepDim: keepDim)
        return values.recordGradient("max", inputs: [self]) { [shape] gradient in
            let input = Tensor(shape: shape, repeating: 0)
            let (outer, inner) = Tensor.split(shape, around: axis)
            withUnsafeMutablePointers(gradient, indices, input) { gy, indices, gx in
                lk_scatter_dim(gy, indices, outer, shape[axis], inner, gx)
            }
            return [input]
        }
    }

    /// The position of the largest value along `dim`, as a float tensor (the first on ties).
    public func argmax(dim: Int, keepDim: Bool = false) throws(TensorError) -> Tensor {
        try maxAlong(dim, keepDim: keepDim).indices
    }

    private func maxAlong(_ dim: Int, keepDim: Bool) throws(TensorError) -> (values: Tensor, indices: Tensor, axis: Int) {
        let axis = try normalized([dim]).first!
        guard shape[axis] > 0 else { throw .maxOverEmptyDimension }
        let outputShape = Tensor.keptShape(shape, [axis], keep: keepDim)
        let values = Tensor(uninitializedShape: outputShape), indices = Tensor(uninitializedShape: outputShape)
        let (outer, inner) = Tensor.split(shape, around: axis)
        let d = shape[axis]
        withUnsafeMutablePointers(self, values, indices) { x, v, i in
            Parallel.forEachChunk(outer, work: count) { range in
                let start = range.lowerBound
                lk_max_dim(x + start * d * inner, range.count, d, inner, v + start * inner, i + start * inner)
            }
        }
        return (values, indices, axis)
    }

    /// Sums a broadcast gradient back down to `shape`, the shape of the operand.
    package func sum(toShape target: [Int]) throws(TensorError) -> Tensor {
        if shape == target { return self }
        let extra = rank - target.count
        let reduced = shape.indices.filter { $0 < extra || (target[$0 - extra] == 1 && shape[$0] != 1) }
        return try sum(dims: reduced, keepDim: true).reshape(target)
    }

    /// Dimensions checked and made non-negative (PyTorch's -1 is the last).
    package func normalized(_ dims: [Int]) throws(TensorError) -> Set<Int> {
        var result = Set<Int>()
        for dim in dims {
            let axis = dim < 0 ? dim + rank : dim
            guard axis >= 0 && axis < rank else { throw .invalidDimension(dim, rank: rank) }
            result.insert(axis)
        }
        return result
    }

    package static func keptShape(_ shape: [Int], _ reduced: Set<Int>, keep: Bool = true) -> [Int] {
        shape.indices.compactMap { reduced.contains($0) ? (keep ? 1 : nil) : shape[$0] }
    }

    /// How many partial results a large reduction is split into, on every machine.
    package static let reductionGroups = 4

    private func reduceSum(_ reduced: Set<Int>, keepDim: Bool) -> Tensor {
        OperationProfile.measure(.reduction) { reduceSumKernels(reduced, keepDim: keepDim) }
    }

    private func reduceSumKernels(_ reduced: Set<Int>, keepDim: Bool) -> Tensor {
        let output = Tensor(shape: Tensor.keptShape(shape, reduced, keep: keepDim), repeating: 0)
        let plan = ReductionPlan(shape, reducing: reduced)
        if plan.rowCount == 1 && plan.rowsReduce {
            withUnsafeMutablePointers(self, output) { x, y in y.pointee = Float(sumOfAll(x)) }
        } else if plan.rowsReduce && plan.outputCount == plan.rowCount {
            // Row r folds into output r: no two cores write the same value.
            let length = plan.rowLength
            withUnsafeMutablePointers(self, output) { x, y in
                Parallel.forEachChunk(plan.rowCount, work: count) { rows in
                    lk_sum_rows(x + rows.lowerBound * length, rows.count, length, y + rows.lowerBound)
                }
            }
        } else {
            sumInGroups(plan, into: output)
        }
        return output
    }

    /// Everything into one value: a fixed number of groups of whole blocks, each summed in
    /// double, added in order; the same bits whatever the core count.
    private func sumOfAll(_ x: UnsafePointer<Float>) -> Double {
        let blockSize = Int(LK_SUM_BLOCK)
        let blocks = (count + blockSize - 1) / blockSize
        let groups = count >= Parallel.minimumWork ? Swift.min(blocks, Tensor.reductionGroups) : 1
        var partials = [Double](repeating: 0, count: Swift.max(groups, 1))
        partials.withUnsafeMutableBufferPointer { partials in
            Parallel.forEach(chunks: groups, of: blocks) { group, blockRange in
                let start = blockRange.lowerBound * blockSize, end = Swift.min(blockRange.upperBound * blockSize, count)
                partials[group] = lk_sum_blocks(x + start, end - start)
            }
        }
        return partials.reduce(0, +)
    }

    /// Each group of rows folds into its own buffer, and the buffers are added in order.
    /// The groups do not depend on the core count, so neither do the bits.
    private func sumInGroups(_ plan: ReductionPlan, into output: Tensor) {
        let chunks = count >= Parallel.minimumWork ? Swift.min(plan.rowCount, Tensor.reductionGroups) : 1
        // Group 0 folds straight into the output, the others into rows of one scratch block,
        // which a single group does without.
        let scratch = chunks > 1 ? Tensor(shape: [chunks - 1, plan.outputCount], repeating: 0) : nil
        let (length, outputCount) = (plan.rowLength, plan.outputCount)
        withUnsafeMutablePointers(self, output) { x, output in scratch.withUnsafeMutablePointer { scratch in
            Parallel.forEach(chunks: chunks, of: plan.rowCount) { chunk, rows in
                let y = chunk == 0 ? output : scratch! + (chunk - 1) * outputCount
                plan.forEachRow(in: rows) { row, outputOffset in
                    if plan.rowsReduce {
                        (y + outputOffset).pointee += lk_sum(x + row * length, length)
                    } else {
                        lk_accumulate(x + row * length, y + outputOffset, length)
                    }
                }
            }
            for chunk in 1..<Swift.max(chunks, 1) { lk_accumulate(scratch! + (chunk - 1) * outputCount, output, outputCount) }
        } }
    }
}

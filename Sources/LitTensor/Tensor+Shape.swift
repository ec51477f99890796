import LitKernels

/// Reshaping, joining, transposing and indexing on the first dimension.
extension Tensor {
    /// The same values in a new shape with as many elements; one size may be -1, inferred.
    public func reshape(_ newShape: [Int]) throws(TensorError) -> Tensor {
        var target = newShape
        let inferred = target.indices.filter { target[$0] == -1 }
        guard inferred.count <= 1, target.allSatisfy({ $0 >= 0 || $0 == -1 }) else { throw .reshapeCount(from: shape, to: newShape) }
        if let axis = inferred.first {
            let known = target.filter { $0 != -1 }.reduce(1, *)
            guard known > 0, count % known == 0 else { throw .reshapeCount(from: shape, to: newShape) }
            target[axis] = count / known
        }
        guard target.reduce(1, *) == count else { throw .reshapeCount(from: shape, to: newShape) }
        if target == shape { return self }
        let view = view(shape: target)
        return view.recordGradient("reshape", inputs: [self]) { [shape] gradient throws(TensorError) in
            [try gradient.reshape(shape)]
        }
    }

    /// Folds the dimensions from `from` on into one: `[N, C, H, W]` → `[N, C*H*W]`.
    public func flatten(from: Int = 0) throws(TensorError) -> Tensor {
        if rank == 0 { return try reshape([1]) }
        let axis = try normalized([from]).first!
        return try reshape(Array(shape[..<axis]) + [shape[axis...].reduce(1, *)])
    }

    /// Joins tensors along `dim`; all other sizes must agree.
    public static func cat(_ tensors: [Tensor], dim: Int) throws(TensorError) -> Tensor {
        guard let first = tensors.first else { throw .catOfNoTensors }
        let axis = try first.normalized([dim]).first!
        for tensor in tensors.dropFirst() {
            var a = first.shape, b = tensor.shape
            guard a.count == b.count else { throw .catShapes(first.shape, tensor.shape, dim: dim) }
            a[axis] = 0; b[axis] = 0
            guard a == b else { throw .catShapes(first.shape, tensor.shape, dim: dim) }
        }
        var shape = first.shape
        shape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
        let (outer, inner) = Tensor.split(shape, around: axis)
        let output = Tensor(uninitializedShape: shape)
        let rowLength = shape[axis] * inner
        OperationProfile.measure(.catForward) {
            output.withUnsafeMutablePointer { output in
                Parallel.forEachChunk(outer, work: rowLength * outer) { rows in
                    var start = 0
                    for tensor in tensors {
                        let length = tensor.shape[axis] * inner
                        tensor.withUnsafePointer { source in
                            for row in rows {
                                (output + row * rowLength + start).update(from: source + row * length, count: length)
                            }
                        }
                        start += length
                    }
                }
            }
        }
        var start = 0
        let regions = tensors.map { tensor in
            defer { start += tensor.shape[axis] }
            return TensorRegion(axis: axis, start..<(start + tensor.shape[axis]), in: shape)
        }
        return output.recordGradient("cat", inputs: tensors, regions: regions)
    }

    /// The sizes before and after `axis`: the shape seen as [outer, shape[axis], inner].
    package static func split(_ shape: [Int], around axis: Int) -> (outer: Int, inner: Int) {
        (shape[..<axis].reduce(1, *), shape[(axis + 1)...].reduce(1, *))
    }

    /// The transpose of a matrix.
    public func transposed() throws(TensorError) -> Tensor {
        guard rank == 2 else { throw .transposeNeedsMatrix(shape) }
        let output = Tensor(uninitializedShape: [shape[1], shape[0]])
        withUnsafeMutablePointers(self, output) { x, y in lk_swap_outer(x, shape[0], shape[1], 1, y) }
        return output.recordGradient("transposed", inputs: [self]) { gradient throws(TensorError) in
            [try gradient.transposed()]
        }
    }

    /// `t[i]`: the `i`-th entry along the first dimension (negative counts from the end).
    public func index(_ i: Int) throws(TensorError) -> Tensor { try subscripted([.position(i)]) }

    /// `t[a..<b]`: a view of entries `a..<b` along the first dimension.
    public func rows(_ range: Range<Int>) throws(TensorError) -> Tensor {
        try subscripted([.range(lower: range.lowerBound, upper: range.upperBound)])
    }
}

extension Tensor {
    /// The tensors, all of one shape, joined along a new dimension `dim` (0...rank).
    public static func stack(_ tensors: [Tensor], dim: Int) throws(TensorError) -> Tensor {
        guard let first = tensors.first else { throw .catOfNoTensors }
        if let other = tensors.first(where: { $0.shape != first.shape }) {
            throw .shapeMismatch(op: "stack", first.shape, other.shape)
        }
        let axis = dim < 0 ? dim + first.rank + 1 : dim
        guard axis >= 0 && axis <= first.rank else { throw .invalidDimension(dim, rank: first.rank + 1) }
        var shape = first.shape
        shape.insert(1, at: axis)
        var expanded: [Tensor] = []
        for tensor in tensors { expanded.append(try tensor.reshape(shape)) }
        return try cat(expanded, dim: axis)
    }
}

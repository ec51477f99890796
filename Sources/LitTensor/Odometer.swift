/// Walks the positions of a row-major grid of `sizes` in order, keeping two operands'
/// offsets (each with its own strides, 0 along a dimension it does not vary in) in step,
/// so that no position's offsets are recomputed from scratch.
package struct Odometer {
    package let sizes: [Int]
    package let strides: [(Int, Int)]

    package var count: Int { sizes.reduce(1, *) }

    /// Calls `body(position, offsetA, offsetB)` for each position in `range`.
    package func forEach(in range: Range<Int>, _ body: (Int, Int, Int) -> Void) {
        var index = [Int](repeating: 0, count: sizes.count)
        var remainder = range.lowerBound, offsetA = 0, offsetB = 0
        for axis in sizes.indices.reversed() {
            index[axis] = remainder % sizes[axis]
            remainder /= sizes[axis]
            offsetA += index[axis] * strides[axis].0
            offsetB += index[axis] * strides[axis].1
        }
        for position in range {
            body(position, offsetA, offsetB)
            var axis = sizes.count - 1
            while axis >= 0 {
                index[axis] += 1
                offsetA += strides[axis].0
                offsetB += strides[axis].1
                if index[axis] < sizes[axis] { break }
                offsetA -= strides[axis].0 * sizes[axis]
                offsetB -= strides[axis].1 * sizes[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }
}

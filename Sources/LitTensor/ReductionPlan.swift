/// How a sum over some dimensions walks its input: the input is a sequence of contiguous
/// rows; either each row folds into one output value (`rowsReduce`), or each row adds
/// element by element onto a row of the output.
package struct ReductionPlan {
    package let rowLength: Int
    package let rowCount: Int
    package let rowsReduce: Bool
    package let outputCount: Int
    /// Dimensions outside the row, outermost first, with their stride in the output (0
    /// for reduced ones).
    private let outer: Odometer

    package init(_ shape: [Int], reducing reduced: Set<Int>) {
        // Group neighbouring dimensions that are all reduced or all kept; size-1
        // dimensions do not matter either way.
        var groups: [(size: Int, reduced: Bool)] = []
        for (axis, size) in shape.enumerated() where size != 1 {
            let isReduced = reduced.contains(axis)
            if let last = groups.last, last.reduced == isReduced {
                groups[groups.count - 1].size *= size
            } else {
                groups.append((size, isReduced))
            }
        }
        let row = groups.popLast() ?? (1, true)
        rowLength = row.size
        rowsReduce = row.reduced
        var strides = [Int](repeating: 0, count: groups.count)
        var stride = rowsReduce ? 1 : rowLength
        for i in groups.indices.reversed() where !groups[i].reduced {
            strides[i] = stride
            stride *= groups[i].size
        }
        outputCount = stride
        outer = Odometer(sizes: groups.map(\.size), strides: strides.map { ($0, 0) })
        rowCount = outer.count
    }

    /// Calls `body(row, outputOffset)` for each row in `rows`, in order.
    package func forEachRow(in rows: Range<Int>, _ body: (Int, Int) -> Void) {
        outer.forEach(in: rows) { row, outputOffset, _ in body(row, outputOffset) }
    }
}

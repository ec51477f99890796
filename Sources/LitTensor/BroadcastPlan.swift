/// How two operands of a broadcasting elementwise op line up with its output: the output
/// is walked as `outerCount` runs of `innerCount` values, and in each run an operand is
/// either contiguous (stride 1) or one repeated value (stride 0).
package struct BroadcastPlan {
    package let shape: [Int]
    package let innerCount: Int
    package let innerStrides: (Int, Int)
    /// Outer dimensions, outermost first, with each operand's stride (0 where broadcast).
    package let outer: Odometer
    package var outerCount: Int { outer.count }

    /// The broadcast shape of `a` and `b` (numpy's rules), or nil when they do not fit.
    package static func shape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let x = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let y = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            guard x == y || x == 1 || y == 1 else { return nil }
            result[i] = x == 1 ? y : x
        }
        return result
    }

    package init?(_ a: [Int], _ b: [Int]) {
        guard let shape = BroadcastPlan.shape(a, b) else { return nil }
        self.shape = shape
        let stridesA = BroadcastPlan.strides(of: a, in: shape), stridesB = BroadcastPlan.strides(of: b, in: shape)
        // Merge neighbouring dimensions that both operands walk the same way.
        var sizes: [Int] = [], strides: [(Int, Int)] = []
        for i in shape.indices where shape[i] != 1 {
            if let size = sizes.last, let (sa, sb) = strides.last,
               sa == stridesA[i] * shape[i], sb == stridesB[i] * shape[i] {
                sizes[sizes.count - 1] = size * shape[i]
                strides[strides.count - 1] = (stridesA[i], stridesB[i])
            } else {
                sizes.append(shape[i])
                strides.append((stridesA[i], stridesB[i]))
            }
        }
        innerCount = sizes.popLast() ?? 1
        innerStrides = strides.popLast() ?? (0, 0)
        outer = Odometer(sizes: sizes, strides: strides)
    }

    /// Row-major strides of `operand` inside `shape`, zero along broadcast dimensions.
    private static func strides(of operand: [Int], in shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 0, count: shape.count)
        var step = 1
        for i in operand.indices.reversed() {
            let axis = i + shape.count - operand.count
            strides[axis] = operand[i] == 1 ? 0 : step
            step *= operand[i]
        }
        return strides
    }

    /// Calls `body(offsetA, offsetB, outputOffset)` for each run, in parallel when large.
    package func forEachRun(_ body: (Int, Int, Int) -> Void) {
        Parallel.forEachChunk(outer.count, work: outer.count * innerCount) { runs in
            outer.forEach(in: runs) { run, offsetA, offsetB in body(offsetA, offsetB, run * innerCount) }
        }
    }
}

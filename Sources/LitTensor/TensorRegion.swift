/// One subscript of `t[i, a..<b, ...]`: a position, which drops its dimension, or a
/// half-open range, which keeps it (nil bounds are open ends, so `(nil, nil)` is the
/// whole dimension, Swift's `...`).
public enum TensorIndex: Equatable, Sendable {
    case position(Int)
    case range(lower: Int?, upper: Int?)

    /// `...`: the whole dimension.
    public static let all = TensorIndex.range(lower: nil, upper: nil)
}

/// The box of values a subscript selects: a start and a size in every dimension, and
/// which dimensions the result keeps. Dimensions past the subscripts are whole.
package struct TensorRegion: Equatable {
    package let source: [Int]
    package let start: [Int]
    package let size: [Int]
    package let kept: [Bool]

    /// Positions may count from the end (-1 is the last); ranges must lie inside the
    /// dimension, as Swift's arrays require.
    package init(_ indices: [TensorIndex], in shape: [Int]) throws(TensorError) {
        guard !shape.isEmpty else { throw .indexIntoScalar }
        guard indices.count <= shape.count else { throw .tooManyIndices(indices.count, rank: shape.count) }
        var start = [Int](repeating: 0, count: shape.count), size = shape, kept = [Bool](repeating: true, count: shape.count)
        for (axis, index) in indices.enumerated() {
            switch index {
            case .position(let i):
                let position = i < 0 ? i + shape[axis] : i
                guard position >= 0 && position < shape[axis] else { throw .indexOutOfRange(index: i, size: shape[axis]) }
                (start[axis], size[axis], kept[axis]) = (position, 1, false)
            case .range(let lower, let upper):
                let (from, to) = (lower ?? 0, upper ?? shape[axis])
                guard from >= 0 && from <= to && to <= shape[axis] else {
                    throw .rangeOutOfBounds(lower: from, upper: to, dim: axis, size: shape[axis])
                }
                (start[axis], size[axis]) = (from, to - from)
            }
        }
        (self.source, self.start, self.size, self.kept) = (shape, start, size, kept)
    }

    /// `range` along `axis`, every other dimension whole: one part of a `cat`.
    package init(axis: Int, _ range: Range<Int>, in shape: [Int]) {
        precondition(shape.indices.contains(axis) && range.lowerBound >= 0 && range.upperBound <= shape[axis],
                     "a slice outside the tensor")
        var (start, size) = ([Int](repeating: 0, count: shape.count), shape)
        (start[axis], size[axis]) = (range.lowerBound, range.count)
        (source, self.start, self.size, kept) = (shape, start, size, [Bool](repeating: true, count: shape.count))
    }

    /// The shape of `t[...]`: the region's sizes without the dimensions a position dropped.
    package var resultShape: [Int] { size.indices.filter { kept[$0] }.map { size[$0] } }
    package var count: Int { size.reduce(1, *) }

    /// Whether the region is one run of consecutive values: every dimension after the
    /// first one it takes more than one value of is whole. `t[i]`, `t[i, a..<b]` and
    /// `t[a..<b]` are; `t[..., 0]` is not.
    package var isContiguous: Bool {
        guard count > 0, let first = size.indices.first(where: { size[$0] > 1 }) else { return true }
        return size.indices.allSatisfy { $0 <= first || size[$0] == source[$0] }
    }

    /// Element strides of the source, row-major.
    package var strides: [Int] {
        var strides = [Int](repeating: 1, count: source.count)
        for axis in source.indices.dropLast().reversed() { strides[axis] = strides[axis + 1] * source[axis + 1] }
        return strides
    }

    /// Where the region's first value sits in the source.
    package var offset: Int { zip(start, strides).map(*).reduce(0, +) }

    /// How the region falls into runs of consecutive values: `count` runs of `length`
    /// values, run k starting at `regionOffset = k * length` in the region. Runs span the
    /// whole dimensions at the end.
    private var runs: (count: Int, length: Int, odometer: Odometer) {
        let strides = strides
        // The dimensions from `inner` on are copied as one run.
        var inner = source.count
        while inner > 0 && size[inner - 1] == source[inner - 1] { inner -= 1 }
        let runAxis = Swift.max(inner - 1, 0)
        let length = inner == 0 ? count : size[runAxis] * strides[runAxis]
        let outer = Array(size[..<runAxis])
        let odometer = Odometer(sizes: outer, strides: outer.indices.map { (strides[$0], 0) })
        return (count > 0 ? odometer.count : 0, length, odometer)
    }

    /// How many runs `forEachRun` calls its body for.
    package var runCount: Int { runs.count }

    /// Calls `body(sourceOffset, regionOffset, length)` for each run of consecutive
    /// values, in row-major order, or for the runs numbered `subset`.
    package func forEachRun(_ subset: Range<Int>? = nil, _ body: (Int, Int, Int) -> Void) {
        let (count, length, odometer) = runs
        guard count > 0 else { return }
        let base = offset
        odometer.forEach(in: subset ?? 0..<count) { position, sourceOffset, _ in
            body(base + sourceOffset, position * length, length)
        }
    }
}

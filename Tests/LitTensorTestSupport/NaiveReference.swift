import Foundation
import LitDiagnostics
import LitRandom
import LitTensor
import Testing

/// A dense row-major array of Doubles: the independent side of every comparison. Each
/// operation below is written the slow, obvious way, with Double accumulation.
package struct NaiveTensor {
    package var shape: [Int]
    package var values: [Double]

    package init(shape: [Int], values: [Double]) {
        precondition(shape.reduce(1, *) == values.count, "shape \(shape) does not hold \(values.count) values")
        self.shape = shape
        self.values = values
    }

    package init(shape: [Int], repeating value: Double = 0) {
        self.init(shape: shape, values: [Double](repeating: value, count: shape.reduce(1, *)))
    }

    /// The exact values of an engine tensor, widened to Double.
    package init(_ tensor: Tensor) {
        self.init(shape: tensor.shape, values: tensor.scalars.map(Double.init))
    }

    package var count: Int { values.count }
    package var rank: Int { shape.count }

    package var strides: [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        for axis in shape.indices.dropLast().reversed() { strides[axis] = strides[axis + 1] * shape[axis + 1] }
        return strides
    }

    package func offset(_ index: [Int]) -> Int {
        precondition(index.count == rank)
        return zip(index, strides).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The multi-index of the element at `offset`.
    package func index(ofOffset offset: Int) -> [Int] {
        var remainder = offset
        return strides.map { stride in
            defer { remainder %= stride }
            return remainder / stride
        }
    }

    package subscript(_ index: Int...) -> Double {
        get { values[offset(index)] }
        set { values[offset(index)] = newValue }
    }

    /// Rank 4 without the variadic subscript's array: the convolution and pooling
    /// references index millions of times, and allocating for each made them slow.
    package subscript(_ n: Int, _ c: Int, _ h: Int, _ w: Int) -> Double {
        get { values[offset(n, c, h, w)] }
        set { values[offset(n, c, h, w)] = newValue }
    }

    private func offset(_ n: Int, _ c: Int, _ h: Int, _ w: Int) -> Int {
        precondition(rank == 4)
        return ((n * shape[1] + c) * shape[2] + h) * shape[3] + w
    }

    /// An engine tensor holding these values rounded to Float.
    package func tensor() -> Tensor { Tensor(shape: shape, scalars: values.map(Float.init)) }
}

/// Deterministic test data. Values are rounded to Float at creation so that the engine
/// and the reference start from exactly the same numbers.
package enum TestData {
    package static func uniform(_ shape: [Int], _ range: ClosedRange<Double> = -1...1, seed: UInt64) -> NaiveTensor {
        var generator = SplitMix64(seed: seed)
        let values = (0..<shape.reduce(1, *)).map { _ in
            Double(Float(Double.random(in: range, using: &generator)))
        }
        return NaiveTensor(shape: shape, values: values)
    }

    /// Values with magnitude in `magnitude` and a random sign: safe denominators.
    package static func awayFromZero(_ shape: [Int], _ magnitude: ClosedRange<Double> = 0.5...2, seed: UInt64) -> NaiveTensor {
        var generator = SplitMix64(seed: seed)
        let values = (0..<shape.reduce(1, *)).map { _ in
            let value = Double.random(in: magnitude, using: &generator)
            return Double(Float(Bool.random(using: &generator) ? value : -value))
        }
        return NaiveTensor(shape: shape, values: values)
    }

    /// Distinct values, pairwise at least `spacing` apart, in random order: inputs without
    /// ties, so that max-like operations are differentiable within a finite-difference step.
    package static func distinct(_ shape: [Int], spacing: Double = 0.1, seed: UInt64) -> NaiveTensor {
        var generator = SplitMix64(seed: seed)
        let count = shape.reduce(1, *)
        let values = (0..<count).shuffled(using: &generator).map { Double(Float(Double($0 - count / 2) * spacing)) }
        return NaiveTensor(shape: shape, values: values)
    }
}

package enum Naive {
    /// numpy's broadcasting rule, written independently of the engine's.
    package static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = Swift.max(a.count, b.count)
        let pa = [Int](repeating: 1, count: rank - a.count) + a, pb = [Int](repeating: 1, count: rank - b.count) + b
        var shape: [Int] = []
        for (x, y) in zip(pa, pb) {
            if x == y || y == 1 { shape.append(x) } else if x == 1 { shape.append(y) } else { return nil }
        }
        return shape
    }

    /// The element of `t` that output position `index` reads under broadcasting.
    private static func broadcastValue(_ t: NaiveTensor, at index: [Int]) -> Double {
        let lead = index.count - t.rank
        let own = (0..<t.rank).map { t.shape[$0] == 1 ? 0 : index[lead + $0] }
        return t.values[t.offset(own)]
    }

    package static func elementwise(_ a: NaiveTensor, _ b: NaiveTensor, _ f: (Double, Double) -> Double) -> NaiveTensor {
        let shape = broadcastShape(a.shape, b.shape)!
        var out = NaiveTensor(shape: shape)
        for i in 0..<out.count {
            let index = out.index(ofOffset: i)
            out.values[i] = f(broadcastValue(a, at: index), broadcastValue(b, at: index))
        }
        return out
    }

    package static func map(_ a: NaiveTensor, _ f: (Double) -> Double) -> NaiveTensor {
        NaiveTensor(shape: a.shape, values: a.values.map(f))
    }

    /// Sums over `dims` (negative counts from the end); `magnitude` sums |x| instead, the
    /// scale against which a floating-point sum's error is judged.
    package static func sum(_ x: NaiveTensor, dims: [Int], keepDim: Bool = false, magnitude: Bool = false) -> NaiveTensor {
        let reduced = Set(dims.map { $0 < 0 ? $0 + x.rank : $0 })
        let kept = x.shape.indices.map { reduced.contains($0) ? 1 : x.shape[$0] }
        var out = NaiveTensor(shape: kept)
        for i in 0..<x.count {
            let index = x.index(ofOffset: i)
            let target = index.indices.map { reduced.contains($0) ? 0 : index[$0] }
            out.values[out.offset(target)] += magnitude ? abs(x.values[i]) : x.values[i]
        }
        if !keepDim { out.shape = x.shape.indices.filter { !reduced.contains($0) }.map { x.shape[$0] } }
        return out
    }

    package static func mean(_ x: NaiveTensor, dims: [Int], keepDim: Bool = false) -> NaiveTensor {
        let n = Set(dims.map { $0 < 0 ? $0 + x.rank : $0 }).reduce(1) { $0 * x.shape[$1] }
        return map(sum(x, dims: dims, keepDim: keepDim)) { $0 / Double(n) }
    }

    /// The maximum along `dim` and its first position; NaN wins, at its first position.
    package static func max(_ x: NaiveTensor, dim: Int, keepDim: Bool = false) -> (values: NaiveTensor, indices: NaiveTensor) {
        let axis = dim < 0 ? dim + x.rank : dim
        var keptShape = x.shape
        keptShape[axis] = 1
        var values = NaiveTensor(shape: keptShape), indices = NaiveTensor(shape: keptShape)
        for o in 0..<values.count {
            var index = values.index(ofOffset: o)
            var best = -Double.infinity, at = -1
            for k in 0..<x.shape[axis] {
                index[axis] = k
                let v = x.values[x.offset(index)]
                if best.isNaN { break }
                if at < 0 || v > best || v.isNaN { best = v; at = k }
            }
            values.values[o] = best
            indices.values[o] = Double(at)
        }
        if !keepDim {
            keptShape.remove(at: axis)
            values.shape = keptShape
            indices.shape = keptShape
        }
        return (values, indices)
    }

    package static func matmul(_ a: NaiveTensor, _ b: NaiveTensor) -> NaiveTensor {
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        var out = NaiveTensor(shape: [m, n])
        for i in 0..<m { for j in 0..<n { for p in 0..<k { out[i, j] += a[i, p] * b[p, j] } } }
        return out
    }

    package static func transpose(_ a: NaiveTensor) -> NaiveTensor {
        var out = NaiveTensor(shape: [a.shape[1], a.shape[0]])
        for i in 0..<a.shape[0] { for j in 0..<a.shape[1] { out[j, i] = a[i, j] } }
        return out
    }
}

/// Checks an engine tensor against reference values: the same shape, NaN where NaN,
/// the same infinities, and otherwise |a - b| <= tolerance * scale + absolute, where the
/// scale is |b| or, when given, `magnitudes` (for sums, whose error grows with sum |x|).
package func assertClose(_ a: Tensor, _ b: [Double], shape: [Int], tolerance: Double, absolute: Double = 0,
                 magnitudes: [Double]? = nil, _ comment: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(a.shape == shape, "shape \(a.shape), expected \(shape) \(comment)", sourceLocation: sourceLocation)
    guard a.count == b.count else {
        Issue.record("\(a.count) values, expected \(b.count) \(comment)", sourceLocation: sourceLocation)
        return
    }
    let actual = a.scalars
    var failures: [String] = []
    for i in 0..<b.count {
        let (x, y) = (Double(actual[i]), b[i])
        let ok: Bool
        if y.isNaN { ok = x.isNaN } else if y.isInfinite { ok = x == y } else {
            ok = x.isFinite && abs(x - y) <= tolerance * (magnitudes?[i] ?? abs(y)) + absolute
        }
        if !ok { failures.append("[\(i)] \(x) vs \(y)") }
    }
    if !failures.isEmpty {
        Issue.record("\(failures.count) of \(b.count) values differ \(comment): \(failures.prefix(6).joined(separator: ", "))",
                     sourceLocation: sourceLocation)
    }
}

package func assertClose(_ a: Tensor, _ b: NaiveTensor, tolerance: Double, absolute: Double = 0, magnitudes: NaiveTensor? = nil,
                 _ comment: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    assertClose(a, b.values, shape: b.shape, tolerance: tolerance, absolute: absolute, magnitudes: magnitudes?.values,
                comment, sourceLocation: sourceLocation)
}

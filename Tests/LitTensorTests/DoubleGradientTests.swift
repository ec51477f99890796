import Foundation
import LitTensor
import LitTensorTestSupport
import Testing

/// sqrt, division, broadcast arithmetic, mean, max and the shape ops: their Float32
/// backward against Double gradients at 1e-5 (see DoubleGradientCheck for the tolerance).
@Suite struct DoubleGradientTests {
    typealias Engine = ([Tensor]) throws -> Tensor
    typealias Reference = ([NaiveTensor]) -> NaiveTensor

    @Test func sqrt() throws {
        // [0.5, 2]: sqrt's derivative 1 / (2 sqrt x) stays well-conditioned.
        let x = TestData.uniform([5, 8], 0.5...2, seed: 200)
        try DoubleGradientCheck.check("sqrt", [x], engine: { $0[0].sqrt() }, reference: { Naive.map($0[0]) { Foundation.sqrt($0) } })
    }

    /// Both orders, the reduced operand on either side, scalars and [1]-shaped operands:
    /// a repeated operand's gradient must be summed back over every repeat.
    static let shapePairs: [([Int], [Int])] = TensorElementwiseGradientTests.shapePairs + [
        ([], [2, 3, 4]), ([4], [2, 3, 4]), ([2, 3, 4], [2, 1, 1]), ([1], [3, 2]),
    ]

    @Test(arguments: shapePairs)
    func binaryOperators(_ shapeA: [Int], _ shapeB: [Int]) throws {
        for (index, op) in TensorElementwiseTests.ops.enumerated() {
            // Divisors kept in [0.5, 2] in magnitude: 1/b and a/b² stay well-conditioned.
            let a = TestData.uniform(shapeA, -2...2, seed: 210 + UInt64(index))
            let b = TestData.awayFromZero(shapeB, 0.5...2, seed: 220 + UInt64(index))
            try DoubleGradientCheck.check("\(shapeA) \(op.name) \(shapeB)", [a, b], engine: { try op.engine($0[0], $0[1]) },
                                          reference: { Naive.elementwise($0[0], $0[1], op.reference) })
        }
    }

    @Test func eachOperandOfADivisionAlone() throws {
        // Only one side is a parameter: the other side's gradient is never computed.
        let a = TestData.uniform([2, 3], -2...2, seed: 230), b = TestData.awayFromZero([3], seed: 231)
        try DoubleGradientCheck.check("a / constant", [a], engine: { try $0[0] / b.tensor() },
                                      reference: { Naive.elementwise($0[0], b, /) })
        try DoubleGradientCheck.check("constant / b", [b], engine: { try a.tensor() / $0[0] },
                                      reference: { Naive.elementwise(a, $0[0], /) })
    }

    @Test func numbersOnEitherSide() throws {
        let x = TestData.awayFromZero([2, 3], 0.5...2, seed: 232)
        let cases: [(String, (Tensor) -> Tensor, (Double) -> Double)] = [
            ("t + 2.5", { $0 + 2.5 }, { $0 + 2.5 }), ("2.5 + t", { 2.5 + $0 }, { 2.5 + $0 }),
            ("t - 2.5", { $0 - 2.5 }, { $0 - 2.5 }), ("2.5 - t", { 2.5 - $0 }, { 2.5 - $0 }),
            ("t * 3", { $0 * 3 }, { $0 * 3 }), ("-1.5 * t", { -1.5 * $0 }, { -1.5 * $0 }),
            ("t / 3", { $0 / 3 }, { $0 / 3 }), ("3 / t", { 3 / $0 }, { 3 / $0 }), ("-t", { -$0 }, { -$0 }),
        ]
        for (name, engine, reference) in cases {
            try DoubleGradientCheck.check(name, [x], engine: { engine($0[0]) }, reference: { Naive.map($0[0], reference) })
        }
    }

    /// nil dims: mean() over everything.
    static let meanCases: [(dims: [Int]?, keepDim: Bool)] = [
        (nil, false), ([1], false), ([-1], true), ([0, 2], false), ([-1, -3], true), ([0, 1, 2], false), ([2, 0, 1], true),
    ]

    @Test(arguments: meanCases.indices)
    func mean(_ index: Int) throws {
        let (dims, keepDim) = Self.meanCases[index]
        let x = TestData.uniform([2, 3, 4], seed: 240 + UInt64(index))
        let engine: Engine = { inputs in
            guard let dims else { return inputs[0].mean() }
            if dims.count == 1 { return try inputs[0].mean(dim: dims[0], keepDim: keepDim) }
            return try inputs[0].mean(dims: dims, keepDim: keepDim)
        }
        try DoubleGradientCheck.check("mean(dims: \(dims.map { "\($0)" } ?? "all"), keepDim: \(keepDim))", [x],
                                      engine: engine, reference: { Naive.mean($0[0], dims: dims ?? [0, 1, 2], keepDim: keepDim) })
    }

    /// nil dim: max() over everything. Distinct values 0.1 apart: a unique argmax that a
    /// step of 1e-6 cannot change.
    @Test(arguments: [(nil, false), (0, false), (1, false), (2, false), (-1, true), (-3, true)] as [(Int?, Bool)])
    func max(_ dim: Int?, _ keepDim: Bool) throws {
        let x = TestData.distinct([3, 4, 5], spacing: 0.1, seed: 250)
        let engine: Engine = { inputs in
            guard let dim else { return inputs[0].max() }
            return try inputs[0].max(dim: dim, keepDim: keepDim)
        }
        let reference: Reference = { inputs in
            guard let dim else { return Naive.max(NaiveTensor(shape: [inputs[0].count], values: inputs[0].values), dim: 0).values }
            return Naive.max(inputs[0], dim: dim, keepDim: keepDim).values
        }
        try DoubleGradientCheck.check("max(dim: \(dim.map { "\($0)" } ?? "all"), keepDim: \(keepDim))", [x],
                                      engine: engine, reference: reference)
    }

    /// Ties, as in PyTorch: max() over everything splits the gradient evenly among the tied
    /// maxima (its evenly_distribute_backward); max(dim:) sends all of it to the first maximum
    /// (the index it returns). A NaN is the maximum, and its positions share the gradient.
    @Test func tiedMaximaShareTheGradientAsInPyTorch() throws {
        let x = Tensor.parameter(Tensor(shape: [2, 3], scalars: [4, 8, 1, 8, 8, 2]))
        try (x.max() * 6).backward()
        #expect(x.grad?.scalars == [0, 2, 0, 2, 2, 0])
        let y = Tensor.parameter(Tensor(shape: [2, 3], scalars: [4, 8, 1, 8, 8, 2]))
        try (try y.max(dim: 0) * Tensor(shape: [3], scalars: [3, 5, 7])).sum().backward()
        #expect(y.grad?.scalars == [0, 5, 0, 3, 0, 7])
        let z = Tensor.parameter(Tensor(shape: [4], scalars: [1, .nan, 3, .nan]))
        try z.max().backward()
        #expect(z.grad?.scalars == [0, 0.5, 0, 0.5])
    }

    /// Every op of Tensor+Shape.swift that records a gradient, and broadcast(to:).
    enum ShapeOp: String, CaseIterable, Sendable {
        case reshape, reshapeInferringASize, flatten, flattenFromOne, flattenFromTheLast, transposed
        case catAlongTheFirst, catAlongTheMiddle, catAlongTheLastWithARepeat, index, indexFromTheEnd, rows, broadcast
    }

    @Test(arguments: ShapeOp.allCases)
    func shapeOp(_ op: ShapeOp) throws {
        let x = TestData.uniform([2, 3, 4], seed: 260)
        let (inputs, engine, reference): ([NaiveTensor], Engine, Reference) = switch op {
        case .reshape: ([x], { try $0[0].reshape([4, 6]) }, { NaiveTensor(shape: [4, 6], values: $0[0].values) })
        case .reshapeInferringASize: ([x], { try $0[0].reshape([-1, 2]) }, { NaiveTensor(shape: [12, 2], values: $0[0].values) })
        case .flatten: ([x], { try $0[0].flatten() }, { NaiveTensor(shape: [24], values: $0[0].values) })
        case .flattenFromOne: ([x], { try $0[0].flatten(from: 1) }, { NaiveTensor(shape: [2, 12], values: $0[0].values) })
        // Folding only the last dimension changes nothing: reshape returns the tensor itself.
        case .flattenFromTheLast: ([x], { try $0[0].flatten(from: -1) }, { $0[0] })
        case .transposed: ([TestData.uniform([3, 5], seed: 261)], { try $0[0].transposed() }, { Naive.transpose($0[0]) })
        case .catAlongTheFirst:
            ([x, TestData.uniform([1, 3, 4], seed: 262)], { try Tensor.cat([$0[0], $0[1]], dim: 0) }, { Self.cat($0, dim: 0) })
        case .catAlongTheMiddle:
            ([x, TestData.uniform([2, 1, 4], seed: 263)], { try Tensor.cat([$0[1], $0[0]], dim: 1) }, { Self.cat([$0[1], $0[0]], dim: 1) })
        case .catAlongTheLastWithARepeat:
            // x appears twice: its gradient is the sum of both slices.
            ([x, TestData.uniform([2, 3, 2], seed: 264)], { try Tensor.cat([$0[0], $0[1], $0[0]], dim: -1) },
             { Self.cat([$0[0], $0[1], $0[0]], dim: 2) })
        case .index: ([x], { try $0[0].index(1) }, { Self.rows($0[0], 1..<2, keepingTheDimension: false) })
        case .indexFromTheEnd:
            ([x], { try $0[0].index(-1) * $0[0].index(0) },
             { Naive.elementwise(Self.rows($0[0], 1..<2, keepingTheDimension: false),
                                 Self.rows($0[0], 0..<1, keepingTheDimension: false), *) })
        case .rows:
            ([TestData.uniform([5, 3], seed: 265)], { try $0[0].rows(1..<4) }, { Self.rows($0[0], 1..<4, keepingTheDimension: true) })
        case .broadcast:
            ([TestData.uniform([3, 1], seed: 266)], { try $0[0].broadcast(to: [2, 3, 4]) },
             { Naive.elementwise(NaiveTensor(shape: [2, 3, 4]), $0[0]) { $1 } })
        }
        try DoubleGradientCheck.check(op.rawValue, inputs, engine: engine, reference: reference)
    }

    /// The check itself: a gradient 0.1% off (1.001x - 0.001 detached(x) computes x, but
    /// backward sees 1.001) fails at 1e-5 on every element, yet passes GradientCheck's 1e-2.
    @Test func catchesAGradientOffByOnePartInAThousand() throws {
        let x = TestData.uniform([4, 5], -2...2, seed: 270)
        let wrong: Engine = { try $0[0] * 1.001 - ($0[0] * 0.001).detached() }
        let found = try DoubleGradientCheck.mismatches([x], engine: wrong, reference: { $0[0] })
        #expect(found.count == x.count)
        #expect(try GradientCheck.mismatches([x.parameter()], wrong).isEmpty, "GradientCheck's 1e-2 should let 0.1% through")
        #expect(try DoubleGradientCheck.mismatches([x], engine: { $0[0] * 1 }, reference: { $0[0] }).isEmpty)
    }

    // MARK: Double references of the shape ops

    /// Joins along `dim`, walking every element of every part to its place.
    static func cat(_ parts: [NaiveTensor], dim: Int) -> NaiveTensor {
        var shape = parts[0].shape
        shape[dim] = parts.reduce(0) { $0 + $1.shape[dim] }
        var out = NaiveTensor(shape: shape), start = 0
        for part in parts {
            for k in 0..<part.count {
                var index = part.index(ofOffset: k)
                index[dim] += start
                out.values[out.offset(index)] = part.values[k]
            }
            start += part.shape[dim]
        }
        return out
    }

    /// Entries `range` along the first dimension; a single one without that dimension.
    static func rows(_ x: NaiveTensor, _ range: Range<Int>, keepingTheDimension: Bool) -> NaiveTensor {
        let inner = x.count / x.shape[0]
        let values = Array(x.values[(range.lowerBound * inner)..<(range.upperBound * inner)])
        return NaiveTensor(shape: (keepingTheDimension ? [range.count] : []) + x.shape.dropFirst(), values: values)
    }
}

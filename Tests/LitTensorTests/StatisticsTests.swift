import Foundation
import LitTensor
import LitTensorTestSupport
import Testing

/// The functions the course's neighbouring chapters use, against Double references written
/// from their definitions, and their gradients against finite differences.
@Suite struct StatisticsTests {
    static func close(_ tensor: Tensor, _ expected: [Double], tolerance: Double = 1e-5, sourceLocation: SourceLocation = #_sourceLocation) {
        let values = tensor.scalars.map(Double.init)
        #expect(values.count == expected.count, sourceLocation: sourceLocation)
        for (value, reference) in zip(values, expected) where !(abs(value - reference) <= tolerance * max(1, abs(reference))) {
            Issue.record("\(value) differs from \(reference)", sourceLocation: sourceLocation)
        }
    }

    @Test func comparisonsBroadcastAndGiveZerosAndOnes() throws {
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, .nan, 6])
        let b = Tensor(shape: [3], scalars: [1, 5, 3])
        let references: [(Tensor.Comparison, (Double, Double) -> Bool)] = [
            (.equal, { $0 == $1 }), (.notEqual, { $0 != $1 }), (.less, { $0 < $1 }),
            (.lessOrEqual, { $0 <= $1 }), (.greater, { $0 > $1 }), (.greaterOrEqual, { $0 >= $1 }),
        ]
        let (left, right) = (a.scalars.map(Double.init), b.scalars.map(Double.init))
        for (comparison, reference) in references {
            let result = try Tensor.compare(a, comparison, b)
            #expect(result.shape == [2, 3])
            #expect(!result.requiresGrad)
            #expect(result.scalars.map(Double.init) == left.indices.map { reference(left[$0], right[$0 % 3]) ? 1 : 0 }, "\(comparison)")
            #expect(Tensor.compare(a, comparison, 3).scalars.map(Double.init) == left.map { reference($0, 3) ? 1 : 0 })
            #expect(Tensor.compare(3, comparison, a).scalars.map(Double.init) == left.map { reference(3, $0) ? 1 : 0 })
        }
        // An accuracy, as the chapters compute it.
        let predictions = Tensor(shape: [4], scalars: [1, 0, 2, 2]), labels = Tensor(shape: [4], scalars: [1, 1, 2, 0])
        #expect(try Tensor.compare(predictions, .equal, labels).mean().item() == 0.5)
        #expect(throws: TensorError.cannotBroadcast(verb: "combine", [2, 3], [2])) {
            try Tensor.compare(a, .less, Tensor(shape: [2], scalars: [0, 0]))
        }
    }

    @Test func absPowAndClampMatchTheirDefinitions() throws {
        let x = TestData.uniform([3, 4], -2...2, seed: 70)
        Self.close(x.tensor().abs(), x.values.map { abs($0) })
        Self.close(x.tensor().power(3), x.values.map { pow($0, 3) })
        Self.close(x.tensor().power(2), x.values.map { $0 * $0 })
        Self.close(TestData.uniform([5], 0.5...2, seed: 71).tensor().power(0.5), TestData.uniform([5], 0.5...2, seed: 71).values.map(sqrt))
        Self.close(x.tensor().clamped(min: -0.5, max: 1), x.values.map { min(max($0, -0.5), 1) })
        Self.close(x.tensor().clamped(min: 0), x.values.map { max($0, 0) })
        Self.close(x.tensor().clamped(max: 0), x.values.map { min($0, 0) })
    }

    @Test func absPowAndClampGradients() throws {
        // Values kept 2h away from abs's and clamp's kinks.
        let x = TestData.awayFromZero([3, 4], 0.05...2, seed: 72).parameter()
        try GradientCheck.check([x]) { $0[0].abs() }
        try GradientCheck.check([x]) { $0[0].power(3) }
        try GradientCheck.check([TestData.uniform([6], 0.5...2, seed: 73).parameter()]) { $0[0].power(-1.5) }
        let spread = Tensor.parameter(Tensor(shape: [6], scalars: [-1.5, -0.7, -0.2, 0.3, 0.8, 1.6]))
        try GradientCheck.check([spread]) { $0[0].clamped(min: -0.5, max: 1) }
        // PyTorch's conventions at the kinks: abs has gradient 0 at 0, clamp passes it at a bound.
        let kinks = Tensor.parameter(Tensor(shape: [3], scalars: [0, -0.5, 1]))
        try kinks.abs().sum().backward()
        #expect(kinks.grad?.scalars == [0, -1, 1])
        kinks.grad = nil
        try kinks.clamped(min: -0.5, max: 1).sum().backward()
        #expect(kinks.grad?.scalars == [1, 1, 1])
    }

    @Test func varianceStdAndNormOfAllValues() throws {
        let x = TestData.uniform([4, 5], -3...3, seed: 74)
        let n = Double(x.count)
        let mean = x.values.reduce(0, +) / n
        let variance = x.values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        Self.close(x.tensor().variance(), [variance])
        Self.close(x.tensor().std(), [variance.squareRoot()])
        Self.close(x.tensor().norm(), [x.values.reduce(0) { $0 + $1 * $1 }.squareRoot()])
        #expect(Tensor(shape: [1], scalars: [2]).variance().scalars[0].isNaN)
        let p = x.parameter()
        try GradientCheck.check([p]) { $0[0].variance() }
        try GradientCheck.check([p]) { $0[0].std() }
        try GradientCheck.check([p]) { $0[0].norm() }
    }

    @Test(arguments: [0, 1, -1])
    func softmaxAndLogSoftmax(_ dim: Int) throws {
        let x = TestData.uniform([3, 4], -3...3, seed: 75)
        let axis = dim < 0 ? dim + 2 : dim
        var expected = [Double](repeating: 0, count: 12)
        for i in 0..<3 { for j in 0..<4 {
            let slice = axis == 0 ? (0..<3).map { x.values[$0 * 4 + j] } : (0..<4).map { x.values[i * 4 + $0] }
            expected[i * 4 + j] = exp(x.values[i * 4 + j]) / slice.map(exp).reduce(0, +)
        } }
        Self.close(try x.tensor().softmax(dim: dim), expected)
        Self.close(try x.tensor().logSoftmax(dim: dim), expected.map(log))
        try GradientCheck.check([x.parameter()]) { try $0[0].softmax(dim: dim) }
        try GradientCheck.check([x.parameter()]) { try $0[0].logSoftmax(dim: dim) }
        // Large logits do not overflow.
        let large = try Tensor(shape: [1, 2], scalars: [1000, 1000]).softmax(dim: 1)
        #expect(large.scalars == [0.5, 0.5])
    }

    @Test func mseLossIsTheMeanSquaredError() throws {
        let prediction = TestData.uniform([5, 1], -2...2, seed: 76), target = TestData.uniform([5, 1], -2...2, seed: 77)
        let expected = zip(prediction.values, target.values).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / 5
        Self.close(try Tensor.mseLoss(prediction.tensor(), target.tensor()), [expected])
        try GradientCheck.check([prediction.parameter(), target.parameter()]) { try Tensor.mseLoss($0[0], $0[1]) }
        #expect(throws: TensorError.shapeMismatch(op: "mseLoss", [5, 1], [5])) {
            try Tensor.mseLoss(prediction.tensor(), Tensor(shape: [5], scalars: [0, 0, 0, 0, 0]))
        }
    }

    @Test func stackJoinsAlongANewDimension() throws {
        let a = TestData.uniform([2, 3], seed: 78), b = TestData.uniform([2, 3], seed: 79)
        let first = try Tensor.stack([a.tensor(), b.tensor()], dim: 0)
        #expect(first.shape == [2, 2, 3])
        let joined: [Double] = (a.values + b.values).map { Double(Float($0)) }
        #expect(first.scalars.map(Double.init) == joined)
        let last = try Tensor.stack([a.tensor(), b.tensor()], dim: -1)
        #expect(last.shape == [2, 3, 2])
        let interleaved: [Double] = (0..<6).flatMap { (index: Int) -> [Double] in [a.values[index], b.values[index]] }
        #expect(last.scalars.map(Double.init) == interleaved.map { Double(Float($0)) })
        try GradientCheck.check([a.parameter(), b.parameter()]) { try Tensor.stack([$0[0], $0[1]], dim: 1) }
        #expect(throws: TensorError.shapeMismatch(op: "stack", [2, 3], [3])) {
            try Tensor.stack([a.tensor(), Tensor(shape: [3], scalars: [0, 0, 0])], dim: 0)
        }
    }
}

/// `gather` against the definition, written out with explicit loops.
@Suite struct GatherTests {
    @Test(arguments: [0, 1, 2, -1])
    func picksAlongADimension(_ dim: Int) throws {
        let source = TestData.uniform([3, 4, 5], seed: 80)
        let axis = dim < 0 ? dim + 3 : dim
        var indexShape = [2, 3, 4]
        indexShape[axis] = 6
        let count = indexShape.reduce(1, *)
        let sizes = [3, 4, 5]
        let picks = (0..<count).map { Double(($0 * 7 + 3) % sizes[axis]) }
        let index = Tensor(shape: indexShape, scalars: picks.map(Float.init))
        let result = try source.tensor().gather(dim: dim, index: index)
        #expect(result.shape == indexShape)
        var expected: [Double] = []
        for i in 0..<indexShape[0] { for j in 0..<indexShape[1] { for k in 0..<indexShape[2] {
            let pick = Int(picks[(i * indexShape[1] + j) * indexShape[2] + k])
            let (a, b, c) = (axis == 0 ? pick : i, axis == 1 ? pick : j, axis == 2 ? pick : k)
            expected.append(source.values[(a * 4 + b) * 5 + c])
        } } }
        #expect(result.scalars.map(Double.init) == expected.map { Double(Float($0)) })
        // Picks repeat, so the gradient must add up where they do.
        try GradientCheck.check([source.parameter()]) { try $0[0].gather(dim: dim, index: index) }
    }

    @Test func theCrossEntropyOfTheCourse() throws {
        let yHat = Tensor(shape: [2, 3], scalars: [0.1, 0.3, 0.6, 0.3, 0.2, 0.5])
        let y = Tensor(shape: [2, 1], scalars: [0, 2])
        #expect(try yHat.gather(dim: 1, index: y).scalars == [0.1, 0.5])
    }

    @Test func badIndicesAreRefused() throws {
        let source = Tensor(shape: [2, 3], scalars: [0, 1, 2, 3, 4, 5])
        #expect(throws: TensorError.gatherIndexValue(3, size: 3)) { try source.gather(dim: 1, index: Tensor(shape: [2, 1], scalars: [0, 3])) }
        #expect(throws: TensorError.gatherIndexValue(0.5, size: 3)) { try source.gather(dim: 1, index: Tensor(shape: [2, 1], scalars: [0, 0.5])) }
        #expect(throws: TensorError.gatherIndexShape(tensor: [2, 3], index: [2], dim: 1)) { try source.gather(dim: 1, index: Tensor(shape: [2], scalars: [0, 1])) }
        #expect(throws: TensorError.gatherIndexShape(tensor: [2, 3], index: [3, 1], dim: 1)) { try source.gather(dim: 1, index: Tensor(shape: [3, 1], scalars: [0, 1, 2])) }
    }
}

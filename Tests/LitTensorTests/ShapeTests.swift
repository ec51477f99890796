import Foundation
import LitTensor
import LitTensorTestSupport
import Testing

/// Reshaping, flattening, joining, transposing and indexing, with hand-written expectations.
@Suite struct TensorShapeTests {
    /// 0, 1, 2, ... in `shape`, so that every value names its row-major position.
    func counting(_ shape: [Int]) -> Tensor { Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map(Float.init)) }

    @Test func reshapeKeepsRowMajorOrderAndInfersMinusOne() throws {
        let t = counting([2, 3, 4])
        let r = try t.reshape([4, -1])
        #expect(r.shape == [4, 6] && r.scalars == t.scalars)
        #expect(try t.reshape([-1]).shape == [24])
        #expect(try t.reshape([3, -1, 2]).shape == [3, 4, 2])
        #expect(try t.reshape([24, 1]).shape == [24, 1])
        #expect(try Tensor(7).reshape([1, 1]).shape == [1, 1])
        #expect(try Tensor.zeros([1]).reshape([]).shape == [])
        // [2, 3, 4] → [6, 4]: row i of the result is elements 4i ..< 4i + 4.
        let rows = try t.reshape([6, 4]).index(5)
        #expect(rows.scalars == [20, 21, 22, 23])
    }

    @Test func reshapeToTheWrongCountThrows() {
        let t = Tensor.zeros([2, 3, 4])
        #expect(throws: TensorError.reshapeCount(from: [2, 3, 4], to: [5, 5])) { try t.reshape([5, 5]) }
        #expect(throws: TensorError.reshapeCount(from: [2, 3, 4], to: [5, -1])) { try t.reshape([5, -1]) }
        #expect(throws: TensorError.reshapeCount(from: [2, 3, 4], to: [-1, -1])) { try t.reshape([-1, -1]) }
        #expect(throws: TensorError.reshapeCount(from: [2, 3, 4], to: [-2, -12])) { try t.reshape([-2, -12]) }
        let text = TensorError.reshapeCount(from: [2, 3], to: [4, 2]).description
        #expect(text.contains("[2, 3]") && text.contains("[4, 2]") && text.contains("6"), "\(text)")
    }

    @Test func flattenFoldsTrailingDimensions() throws {
        let t = counting([2, 3, 4, 5])
        #expect(try t.flatten().shape == [120])
        #expect(try t.flatten(from: 1).shape == [2, 60])
        #expect(try t.flatten(from: 2).shape == [2, 3, 20])
        #expect(try t.flatten(from: -1).shape == [2, 3, 4, 5])
        #expect(try t.flatten(from: 1).scalars == t.scalars)
        #expect(throws: TensorError.invalidDimension(4, rank: 4)) { try t.flatten(from: 4) }
    }

    @Test func catAlongFirstMiddleAndLastDimensions() throws {
        let a = counting([2, 2, 3]), b = counting([2, 1, 3]) + 100, c = counting([1, 2, 3]) + 200
        let along0 = try Tensor.cat([a, c], dim: 0)
        #expect(along0.shape == [3, 2, 3])
        #expect(along0.scalars == a.scalars + c.scalars)
        let along1 = try Tensor.cat([a, b], dim: 1)
        #expect(along1.shape == [2, 3, 3])
        #expect(along1.scalars == [0, 1, 2, 3, 4, 5, 100, 101, 102, 6, 7, 8, 9, 10, 11, 103, 104, 105])
        let d = counting([2, 2, 1]) + 50
        let along2 = try Tensor.cat([a, d, a], dim: -1)
        #expect(along2.shape == [2, 2, 7])
        #expect(try along2.index(1).index(0).scalars == [6, 7, 8, 52, 6, 7, 8])
        #expect(try Tensor.cat([a], dim: 1).scalars == a.scalars)
    }

    @Test func largeCatMatchesTheReference() throws {
        // 64 × 600 outputs: copied on several cores.
        let a = TestData.uniform([64, 250], seed: 76), b = TestData.uniform([64, 350], seed: 77)
        let joined = try Tensor.cat([a.tensor(), b.tensor()], dim: 1)
        var rows: [Double] = []
        for r in 0..<64 {
            rows += a.values[(r * 250)..<(r * 250 + 250)]
            rows += b.values[(r * 350)..<(r * 350 + 350)]
        }
        assertClose(joined, rows, shape: [64, 600], tolerance: 0)
    }

    @Test func catOfMismatchedShapesThrows() {
        let a = Tensor.zeros([2, 3]), b = Tensor.zeros([3, 3])
        #expect(throws: TensorError.catShapes([2, 3], [3, 3], dim: 1)) { try Tensor.cat([a, b], dim: 1) }
        #expect(throws: TensorError.catShapes([2, 3], [3], dim: 0)) { try Tensor.cat([a, Tensor.zeros([3])], dim: 0) }
        #expect(TensorError.catShapes([4, 3, 8, 8], [4, 10, 4, 4], dim: 1).description
                == "cannot concatenate tensors of shapes [4, 3, 8, 8] and [4, 10, 4, 4] along dimension 1: every other dimension must match")
        #expect(throws: TensorError.invalidDimension(2, rank: 2)) { try Tensor.cat([a, a], dim: 2) }
        expectThrows(TensorError.catOfNoTensors, text: "cat needs at least one tensor") { try Tensor.cat([], dim: 0) }
    }

    @Test func catGradientIsSplitBackToTheInputs() throws {
        let a = TestData.uniform([2, 2, 3], seed: 70).parameter(), b = TestData.uniform([2, 1, 3], seed: 71).parameter()
        try GradientCheck.check([a, b]) { try Tensor.cat([$0[0], $0[1], $0[0]], dim: 1) }
    }

    @Test func transposedMatchesTheReference() throws {
        let x = TestData.uniform([5, 7], seed: 72)
        assertClose(try x.tensor().transposed(), Naive.transpose(x), tolerance: 0)
        // Larger than one 16 × 16 tile of the transpose, with partial tiles on both sides.
        let large = TestData.uniform([37, 21], seed: 73)
        assertClose(try large.tensor().transposed(), Naive.transpose(large), tolerance: 0)
        let p = x.parameter()
        try GradientCheck.check([p]) { try $0[0].transposed() }
        expectThrows(TensorError.transposeNeedsMatrix([2, 3, 4]), text: "transposed() needs a rank-2 tensor, but this one has shape [2, 3, 4]") { try Tensor.zeros([2, 3, 4]).transposed() }
        expectThrows(TensorError.transposeNeedsMatrix([3]), text: "transposed() needs a rank-2 tensor, but this one has shape [3]") { try Tensor.zeros([3]).transposed() }
    }

    @Test func indexCountsFromEitherEnd() throws {
        let t = counting([4, 2, 3])
        #expect(try t.index(0).shape == [2, 3])
        #expect(try t.index(1).scalars == [6, 7, 8, 9, 10, 11])
        #expect(try t.index(-1).scalars == [18, 19, 20, 21, 22, 23])
        #expect(try t.index(-4).scalars == t.index(0).scalars)
        let vector = counting([5])
        #expect(try vector.index(3).shape == [] && vector.index(3).item() == 3)
        #expect(throws: TensorError.indexOutOfRange(index: 4, size: 4)) { try t.index(4) }
        #expect(throws: TensorError.indexOutOfRange(index: -5, size: 4)) { try t.index(-5) }
        expectThrows(TensorError.indexIntoScalar, text: "cannot index a rank-0 tensor") { try Tensor(1).index(0) }
        #expect(throws: TensorError.notOneElement([2, 3])) { try Tensor.zeros([2, 3]).item() }
    }

    @Test func rowsSelectsARange() throws {
        let t = counting([5, 2])
        let middle = try t.rows(1..<4)
        #expect(middle.shape == [3, 2] && middle.scalars == [2, 3, 4, 5, 6, 7])
        #expect(try t.rows(2..<2).shape == [0, 2])
        #expect(try t.rows(0..<5).scalars == t.scalars)
        #expect(throws: TensorError.rangeOutOfBounds(lower: 3, upper: 6, dim: 0, size: 5)) { try t.rows(3..<6) }
    }

    @Test func viewsTakePartInArithmetic() throws {
        // Views start part-way into their storage: every kernel must start there too.
        let t = counting([4, 3])
        #expect(try (t.rows(1..<3) + t.rows(0..<2)).scalars == [3, 5, 7, 9, 11, 13])
        #expect(try t.index(2).exp().scalars == [6, 7, 8].map { Float(Foundation.exp(Double($0))) })
        #expect(try t.rows(2..<4).sum(dim: 0).scalars == [15, 17, 19])
        #expect(try Tensor.matmul(t.rows(1..<3), t.rows(0..<3).transposed()).scalars == [14, 50, 86, 23, 86, 149])
    }

    @Test func indexingGradientLandsOnTheSelectedRows() throws {
        let x = TestData.uniform([4, 3], seed: 73).parameter()
        try GradientCheck.check([x]) { try $0[0].rows(1..<3) }
        try GradientCheck.check([x]) { try $0[0].index(-1) * $0[0].index(0) }
        try GradientCheck.check([x]) { try $0[0].reshape([2, 6]).flatten() }
    }

    @Test func detachedSharesValuesButNotTheGraph() throws {
        let source = TestData.uniform([2, 3], seed: 74)
        let p = source.parameter()
        let d = p.detached()
        #expect(d.shape == p.shape && d.scalars == p.scalars)
        #expect(!d.requiresGrad && p.requiresGrad)
        // Same storage: a change through one is seen through the other.
        p.withUnsafeMutableBufferPointer { $0[4] = 42 }
        #expect(d.scalars[4] == 42)
        // No gradient flows through the detached copy.
        let q = TestData.uniform([2, 3], seed: 75).parameter()
        try (try d * q).sum().backward()
        #expect(p.grad == nil)
        #expect(q.grad?.scalars == d.scalars)
    }
}

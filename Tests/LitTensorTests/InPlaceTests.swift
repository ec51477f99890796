import LitTensor
import LitTensorTestSupport
import Testing

/// `add(_:scaledBy:)`, the optimizers' in-place update: y += alpha * x.
@Suite struct TensorInPlaceTests {
    @Test func addsAScaledTensorInPlace() throws {
        for count in [7, 50_000] {  // one core, then several
            let y = TestData.uniform([count], seed: 160), x = TestData.uniform([count], seed: 161)
            let target = y.tensor()
            try target.add(x.tensor(), scaledBy: -0.25)
            assertClose(target, Naive.elementwise(y, x) { $0 - 0.25 * $1 }, tolerance: 1e-6, absolute: 1e-7, "count \(count)")
        }
    }

    @Test func changesEveryTensorSharingTheStorageAndRecordsNothing() throws {
        let values = TestData.uniform([3, 4], seed: 162)
        let parameter = values.parameter()
        let alias = parameter.detached()
        try parameter.rows(1..<2).add(Tensor.ones([1, 4]), scaledBy: 10)
        let expected = values.values.enumerated().map { $0.offset / 4 == 1 ? $0.element + 10 : $0.element }
        assertClose(alias, expected, shape: [3, 4], tolerance: 1e-6)
        #expect(parameter.requiresGrad && parameter.gradientNode == nil)
        // A gradient taken afterwards sees the new values: d/dp sum(p * p) = 2p.
        try (try parameter * parameter).sum().backward()
        assertClose(try #require(parameter.grad), expected.map { 2 * $0 }, shape: [3, 4], tolerance: 1e-6)
    }

    @Test func shapesMustBeEqual() {
        let y = Tensor.zeros([2, 3])
        #expect(throws: TensorError.shapeMismatch(op: "add(_:scaledBy:)", [2, 3], [3])) { try y.add(Tensor.ones([3]), scaledBy: 1) }
        #expect(throws: TensorError.shapeMismatch(op: "add(_:scaledBy:)", [2, 3], [3, 2])) { try y.add(Tensor.ones([3, 2]), scaledBy: 1) }
        #expect(y.scalars == [0, 0, 0, 0, 0, 0])
    }
}

/// `+=` and its siblings: the same values as the operator, written into the target.
@Suite struct CompoundUpdateTests {
    @Test(arguments: [Tensor.Arithmetic.add, .subtract, .multiply, .divide])
    func updatesMatchTheOperator(_ op: Tensor.Arithmetic) throws {
        let target = TestData.uniform([2, 3, 4], seed: 90).tensor()
        let other = TestData.awayFromZero([3, 1], seed: 91).tensor()
        let expected = try Tensor.binary(op, target, other).scalars
        let alias = target
        try alias.update(op, with: other)
        #expect(target.scalars == expected)
        let scalarExpected = try Tensor.binary(op, target, Tensor(2.5)).scalars
        try target.update(op, with: 2.5)
        #expect(target.scalars == scalarExpected)
    }

    @Test func gradientsAreGuarded() throws {
        let parameter = TestData.uniform([3], seed: 92).parameter()
        #expect(throws: TensorError.inPlaceOnGradientTensor(op: "-=")) { try parameter.update(.subtract, with: 1) }
        let plain = Tensor(shape: [3], scalars: [0, 0, 0])
        #expect(throws: TensorError.inPlaceDropsGradient(op: "+=")) { try plain.update(.add, with: parameter) }
        try GradientMode.withoutGradients { () throws(TensorError) in try parameter.update(.subtract, with: 1) }
        #expect(throws: TensorError.inPlaceShape(op: "+=", target: [3], other: [2, 3])) {
            try plain.update(.add, with: Tensor(shape: [2, 3], scalars: [0, 0, 0, 0, 0, 0]))
        }
    }
}

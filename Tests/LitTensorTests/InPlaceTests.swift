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

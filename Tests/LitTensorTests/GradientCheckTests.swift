import LitTensor
import LitTensorTestSupport
import Testing

/// The checker itself must catch wrong gradients, or every check built on it is empty.
@Suite struct TensorGradientCheckTests {
    @Test func agreesOnAKnownGradientAndCatchesAWrongOne() throws {
        let x = TestData.uniform([5], 0.5...2, seed: 1).parameter()
        #expect(try GradientCheck.mismatches([x]) { try $0[0] * $0[0] }.isEmpty)

        // A function whose recorded gradient is deliberately wrong: x * detached(x) has
        // derivative 2x, but the graph only sees one factor, so backward gives x.
        let y = TestData.uniform([5], 0.5...2, seed: 2).parameter()
        let wrong = try GradientCheck.mismatches([y]) { try $0[0] * $0[0].detached() }
        #expect(wrong.count == 5)
        for mismatch in wrong { #expect(abs(mismatch.numeric - 2 * mismatch.analytic) <= 1e-3 * abs(mismatch.numeric)) }
    }

    @Test func aMissingGradientIsReported() throws {
        let x = TestData.uniform([3], seed: 3).parameter()
        // The output depends on x only through a detached copy: backward leaves .grad nil.
        let other = TestData.uniform([3], seed: 4).parameter()
        let found = try GradientCheck.mismatches([x, other]) { try $0[0].detached().exp() * $0[1] }
        #expect(found.count == 3 && found.allSatisfy { $0.input == 0 && $0.analytic.isNaN })
    }
}

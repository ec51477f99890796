import Foundation
import LitRandom
import LitTensor
import LitTensorTestSupport
import Testing

/// Mean softmax cross-entropy against a stable Double log-softmax.
@Suite struct TensorLossTests {
    func labels(_ values: [Int]) -> Tensor { Tensor(shape: [values.count], scalars: values.map(Float.init)) }

    @Test func matchesTheReferenceOnRandomLogits() throws {
        for (rows, classes, seed) in [(1, 2, 120), (4, 10, 121), (32, 7, 122), (3, 1, 123)] as [(Int, Int, UInt64)] {
            let logits = TestData.uniform([rows, classes], -4...4, seed: seed)
            var generator = SplitMix64(seed: seed)
            let classLabels = (0..<rows).map { _ in Int.random(in: 0..<classes, using: &generator) }
            let loss = try Tensor.crossEntropy(logits.tensor(), labels(classLabels))
            let reference = Naive.crossEntropy(logits, labels: classLabels).loss
            #expect(loss.shape == [])
            #expect(abs(Double(try loss.item()) - reference) <= 1e-5 * max(1, abs(reference)), "\(rows)×\(classes): \(loss) vs \(reference)")
        }
    }

    @Test func handComputedLosses() throws {
        // Uniform logits: log(classes). One dominant logit: almost nothing.
        let uniform = try Tensor.crossEntropy(Tensor.zeros([2, 4]), labels([0, 3])).item()
        #expect(abs(Double(uniform) - Foundation.log(4)) <= 1e-6)
        let sure = try Tensor.crossEntropy(Tensor(shape: [1, 3], scalars: [0, 30, 0]), labels([1])).item()
        #expect(abs(Double(sure) - 2 * Foundation.exp(-30.0)) <= 1e-12)
    }

    @Test func hugeLogitsDoNotOverflow() throws {
        // exp(1000) overflows even a Double; log-sum-exp shifted by the maximum does not.
        let logits = NaiveTensor(shape: [4, 3], values: [1000, -1000, 0, 1000, -1000, 0, -1000, -1000, -1000, 1000, 999, 0])
        let classLabels = [0, 1, 2, 1]
        let loss = try Tensor.crossEntropy(logits.tensor(), labels(classLabels)).item()
        // Rows: 0; 2000; log 3; 1 + log(1 + e^-1).
        let reference = Naive.crossEntropy(logits, labels: classLabels).loss
        #expect(abs(reference - (2000 + Foundation.log(3) + 1 + Foundation.log(1 + Foundation.exp(-1))) / 4) <= 1e-9)
        #expect(abs(Double(loss) - reference) <= 1e-5 * reference, "\(loss) vs \(reference)")
        // The gradient stays finite too.
        let p = logits.parameter()
        try Tensor.crossEntropy(p, labels(classLabels)).backward()
        let gradient = try #require(p.grad)
        assertClose(gradient, Naive.crossEntropy(logits, labels: classLabels).gradient, tolerance: 1e-5, absolute: 1e-7)
    }

    @Test func gradientIsSoftmaxMinusOneHotOverN() throws {
        let logits = TestData.uniform([5, 6], -3...3, seed: 124)
        let classLabels = [0, 5, 2, 2, 3]
        let p = logits.parameter()
        try Tensor.crossEntropy(p, labels(classLabels)).backward()
        assertClose(try #require(p.grad), Naive.crossEntropy(logits, labels: classLabels).gradient, tolerance: 1e-5, absolute: 1e-8)
        // And by finite differences, also when the loss is scaled and combined downstream.
        let q = logits.parameter()
        try GradientCheck.check([q], h: 1e-2, relative: 1e-2, absolute: 2e-4) { try Tensor.crossEntropy($0[0], labels(classLabels)) }
        let r = logits.parameter()
        try GradientCheck.check([r]) { try Tensor.crossEntropy($0[0], labels(classLabels)) * 3 + 1 }
    }

    @Test func labelsMustBeClassIndices() {
        let logits = Tensor.zeros([2, 10])
        for bad: Float in [10, -1, 1.5, .nan, .infinity] {
            let error = #expect(throws: TensorError.self, "label \(bad)") { try Tensor.crossEntropy(logits, Tensor(shape: [2], scalars: [0, bad])) }
            #expect(error?.description == "crossEntropy label \(bad) is not a class index in 0..<10", "label \(bad)")
            // NaN is no label equal to itself, so the case is matched by hand.
            guard case .notAClassIndex(let label, classes: 10)? = error else { Issue.record("label \(bad): \(String(describing: error))"); continue }
            #expect(label == bad || label.isNaN && bad.isNaN, "label \(bad)")
        }
        #expect(throws: TensorError.shapeMismatch(op: "crossEntropy", [2, 10], [3])) {
            try Tensor.crossEntropy(logits, Tensor(shape: [3], scalars: [0, 1, 2]))
        }
        #expect(throws: TensorError.shapeMismatch(op: "crossEntropy", [10], [10])) { try Tensor.crossEntropy(Tensor.zeros([10]), Tensor(shape: [10], scalars: [Float](repeating: 0, count: 10))) }
        // A valid edge: the last class.
        #expect(throws: Never.self) { try Tensor.crossEntropy(logits, Tensor(shape: [2], scalars: [9, 0])) }
    }
}

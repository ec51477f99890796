import LitRandom
import LitTensor
import LitTensorTestSupport
import Testing

/// Accuracy: the share of rows whose first largest logit sits at the label.
@Suite struct TensorAccuracyTests {
    func labels(_ values: [Float]) -> Tensor { Tensor(shape: [values.count], scalars: values) }

    @Test func countsRowsWhoseArgmaxIsTheLabel() throws {
        let logits = Tensor(shape: [3, 2], scalars: [0.1, 0.9, 0.8, 0.2, 0.3, 0.7])
        #expect(try Tensor.correctCount(logits, labels([1, 0, 0])) == 2)
        #expect(try Tensor.accuracy(logits, labels([1, 0, 0])) == 2.0 / 3)
        #expect(try Tensor.accuracy(logits, labels([0, 1, 0])) == 0)
    }

    @Test func theFirstMaximumWinsATie() throws {
        let logits = Tensor(shape: [2, 3], scalars: [1, 1, 0, 0, 2, 2])
        #expect(try Tensor.correctCount(logits, labels([0, 1])) == 2)
        #expect(try Tensor.correctCount(logits, labels([1, 2])) == 0)
    }

    @Test func aNaNWinsAsInArgmax() throws {
        let logits = Tensor(shape: [2, 3], scalars: [.nan, 5, 1, 1, .nan, 5])
        #expect(try Tensor.correctCount(logits, labels([0, 1])) == 2)
    }

    @Test func agreesWithArgmaxOnRandomLogits() throws {
        // Coarse values, so that ties are common.
        let logits = Naive.map(TestData.uniform([500, 10], -2...2, seed: 80)) { ($0 * 2).rounded() }.tensor()
        let predictions = try logits.argmax(dim: 1).scalars
        var generator = SplitMix64(seed: 81)
        let truth = (0..<500).map { _ in Float(Int.random(in: 0..<10, using: &generator)) }
        let expected = zip(predictions, truth).filter { $0 == $1 }.count
        #expect(try Tensor.correctCount(logits, labels(truth)) == expected)
        #expect(try Tensor.accuracy(logits, labels(truth)) == Double(expected) / 500)
    }

    @Test func shapesAreChecked() throws {
        #expect(throws: TensorError.shapeMismatch(op: "accuracy", [2, 3], [3])) {
            try Tensor.accuracy(Tensor.zeros([2, 3]), labels([0, 1, 2]))
        }
        #expect(throws: TensorError.shapeMismatch(op: "accuracy", [3], [3])) { try Tensor.accuracy(Tensor.zeros([3]), labels([0, 1, 2])) }
        expectThrows(TensorError.accuracyWithoutClasses([2, 0]), text: "accuracy needs at least one class, but got shape [2, 0]") { try Tensor.accuracy(Tensor.zeros([2, 0]), labels([0, 0])) }
        #expect(try Tensor.correctCount(Tensor.zeros([0, 10]), labels([])) == 0)
        #expect(try Tensor.accuracy(Tensor.zeros([0, 10]), labels([])).isNaN)
    }
}

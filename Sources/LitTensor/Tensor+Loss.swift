import LitKernels

extension Tensor {
    /// The mean cross-entropy of softmax(logits) against class labels, fused and stable:
    /// `mean(logsumexp(x_i) - x_i[label_i])`. Logits are [N, classes]; labels are N class
    /// indices (held as floats).
    public static func crossEntropy(_ logits: Tensor, _ labels: Tensor) throws(TensorError) -> Tensor {
        guard logits.rank == 2, labels.count == logits.shape[0] else {
            throw .shapeMismatch(op: "crossEntropy", logits.shape, labels.shape)
        }
        let (rows, classes) = (logits.shape[0], logits.shape[1])
        for label in UnsafeBufferPointer(start: labels.data, count: rows) where !(label >= 0 && label < Float(classes) && label.rounded() == label) {
            throw .notAClassIndex(label: label, classes: classes)
        }
        let probabilities = Tensor(uninitializedShape: logits.shape)
        let total = lk_softmax_cross_entropy(logits.data, labels.data, rows, classes, probabilities.data)
        let loss = Tensor(Float(total / Double(Swift.max(rows, 1))))
        return loss.recordGradient("crossEntropy", inputs: [logits]) { gradient in
            let input = Tensor(uninitializedShape: [rows, classes])
            let scale = gradient.data.pointee / Float(Swift.max(rows, 1))
            lk_softmax_cross_entropy_backward(probabilities.data, labels.data, rows, classes, scale, input.data)
            return [input]
        }
    }
}

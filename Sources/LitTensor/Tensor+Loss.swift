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
        let isClassIndex = { (label: Float) in label >= 0 && label < Float(classes) && label.rounded() == label }
        if let label = labels.withUnsafeBufferPointer({ $0.first { !isClassIndex($0) } }) {
            throw .notAClassIndex(label: label, classes: classes)
        }
        let probabilities = Tensor(uninitializedShape: logits.shape)
        let total = OperationProfile.measure(.loss) {
            withUnsafeMutablePointers(logits, labels, probabilities) { logits, labels, probabilities in
                lk_softmax_cross_entropy(logits, labels, rows, classes, probabilities)
            }
        }
        let loss = Tensor(Float(total / Double(Swift.max(rows, 1))))
        return loss.recordGradient("crossEntropy", inputs: [logits]) { gradient in
            let input = Tensor(uninitializedShape: [rows, classes])
            let scale = gradient.withUnsafePointer { $0.pointee } / Float(Swift.max(rows, 1))
            OperationProfile.measure(.loss) {
                withUnsafeMutablePointers(probabilities, labels, input) { probabilities, labels, input in
                    lk_softmax_cross_entropy_backward(probabilities, labels, rows, classes, scale, input)
                }
            }
            return [input]
        }
    }
}

extension Tensor {
    /// The mean squared error, mean((prediction - target)²), as PyTorch's `MSELoss`. The
    /// shapes must be equal: a [N, 1] prediction against N targets would otherwise broadcast
    /// to [N, N] and give a wrong loss without a word (PyTorch only warns).
    public static func mseLoss(_ prediction: Tensor, _ target: Tensor) throws(TensorError) -> Tensor {
        guard prediction.shape == target.shape else { throw .shapeMismatch(op: "mseLoss", prediction.shape, target.shape) }
        return try (prediction - target).squared().mean()
    }
}

import LitKernels

/// Classification accuracy, for training loops: outside the graph, nothing recorded.
extension Tensor {
    /// The fraction of rows of [N, classes] logits whose largest value (the first on ties)
    /// sits at the row's label; labels are N class indices held as floats. NaN for N = 0.
    public static func accuracy(_ logits: Tensor, _ labels: Tensor) throws(TensorError) -> Double {
        let correct = try correctCount(logits, labels)
        return Double(correct) / Double(logits.shape[0])
    }

    /// How many rows of [N, classes] logits have their largest value (the first on ties)
    /// at the row's label: the count that a training loop sums over batches.
    public static func correctCount(_ logits: Tensor, _ labels: Tensor) throws(TensorError) -> Int {
        guard logits.rank == 2, labels.count == logits.shape[0] else {
            throw .shapeMismatch(op: "accuracy", logits.shape, labels.shape)
        }
        let (rows, classes) = (logits.shape[0], logits.shape[1])
        guard classes > 0 || rows == 0 else { throw .accuracyWithoutClasses(logits.shape) }
        return OperationProfile.measure(.loss) {
            withUnsafeMutablePointers(logits, labels) { logits, labels in lk_count_correct(logits, labels, rows, classes) }
        }
    }
}

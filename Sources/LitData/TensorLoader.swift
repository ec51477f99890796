import LitTensor

/// Hands out tensors already in memory in batches, as PyTorch's `DataLoader` over a
/// `TensorDataset` does for the linear-regression chapters: each batch takes the same
/// rows of the features and the labels, the last batch smaller when the batch size does
/// not divide the count. A shuffled loader visits the rows in a new order every pass,
/// drawn from its seed and the pass's number.
public final class TensorLoader {
    public typealias Batch = (features: Tensor, labels: Tensor)

    /// [N, ...] and [N, ...]: one row of each per example.
    public let features: Tensor
    public let labels: Tensor
    public let batchSize: Int
    public let isShuffled: Bool
    public let seed: UInt64
    /// How many passes `batches()` has started.
    public package(set) var epochsStarted = 0

    public var exampleCount: Int { features.shape[0] }
    public var batchCount: Int { (exampleCount + batchSize - 1) / batchSize }

    /// The loader holds the tensors themselves, as a `TensorDataset` does: a change made
    /// to them in place shows in the batches after it. Batches are fresh copies of the
    /// rows, outside any gradient graph.
    public init(features: Tensor, labels: Tensor, batchSize: Int, shuffle: Bool, seed: UInt64) {
        precondition(features.rank >= 1 && labels.rank >= 1 && features.shape[0] == labels.shape[0] && batchSize >= 1,
                     "invalid loader settings")
        self.features = features
        self.labels = labels
        self.batchSize = batchSize
        self.isShuffled = shuffle
        self.seed = seed
    }

    /// The next pass: each call starts a new epoch, with a new order when the loader shuffles.
    public func batches() -> AnyIterator<Batch> {
        defer { epochsStarted += 1 }
        let order = order(epoch: epochsStarted)
        var start = 0
        return AnyIterator { [self] in
            guard start < order.count else { return nil }
            let end = Swift.min(start + batchSize, order.count)
            defer { start = end }
            let rows = order[start..<end]
            return (TensorLoader.rows(rows, of: features), TensorLoader.rows(rows, of: labels))
        }
    }

    /// The rows that pass `epoch` (from 0) visits, in order.
    public func order(epoch: Int) -> [Int] {
        let rows = Array(0..<exampleCount)
        guard isShuffled else { return rows }
        var generator = Shuffling.generator(seed: seed, purpose: .shuffle, epoch: epoch)
        return Shuffling.permutation(of: rows, using: &generator)
    }

    private static func rows(_ indices: ArraySlice<Int>, of tensor: Tensor) -> Tensor {
        let width = tensor.count / Swift.max(tensor.shape[0], 1)
        let batch = Tensor(uninitializedShape: [indices.count] + tensor.shape.dropFirst())
        withUnsafeMutablePointers(tensor, batch) { source, batch in
            for (slot, row) in indices.enumerated() {
                (batch + slot * width).update(from: source + row * width, count: width)
            }
        }
        return batch
    }

    /// `DataLoader(1000 examples, features [2], labels [1], batchSize: 10, shuffled)`.
    public var summary: String {
        "DataLoader(\(exampleCount) examples, features \(Array(features.shape.dropFirst())), "
            + "labels \(Array(labels.shape.dropFirst())), batchSize: \(batchSize), \(isShuffled ? "shuffled" : "in order"))"
    }
}

import LitData
import LitTensor
import Testing

/// Batches of tensors in memory, as a `DataLoader` over a `TensorDataset`.
@Suite struct TensorLoaderTests {
    /// Row i of the features holds 10i and 10i + 1; label i is i.
    let features = Tensor(shape: [7, 2], scalars: (0..<7).flatMap { [Float(10 * $0), Float(10 * $0 + 1)] })
    let labels = Tensor(shape: [7], scalars: (0..<7).map(Float.init))

    func passes(_ loader: TensorLoader, _ count: Int) -> [[(features: Tensor, labels: Tensor)]] {
        (0..<count).map { _ in Array(loader.batches()) }
    }

    @Test func inOrderWithASmallerLastBatch() {
        let loader = TensorLoader(features: features, labels: labels, batchSize: 3, shuffle: false, seed: 1)
        let batches = Array(loader.batches())
        #expect(loader.batchCount == 3 && batches.map(\.labels.shape) == [[3], [3], [1]])
        #expect(batches.map(\.features.shape) == [[3, 2], [3, 2], [1, 2]])
        #expect(batches.flatMap(\.labels.scalars) == (0..<7).map(Float.init))
        #expect(batches[2].features.scalars == [60, 61])
    }

    @Test func shuffledPassesVisitEveryRowOnceKeepRowsTogetherAndDiffer() {
        let loader = TensorLoader(features: features, labels: labels, batchSize: 2, shuffle: true, seed: 42)
        let orders = passes(loader, 4).map { $0.flatMap(\.labels.scalars).map(Int.init) }
        for (pass, order) in orders.enumerated() {
            #expect(order.sorted() == Array(0..<7), "pass \(pass)")
        }
        #expect(Set(orders.map { $0.map(String.init).joined(separator: ",") }).count > 1, "the passes' orders differ")
        // Every batch's feature rows belong to its labels.
        for batch in passes(loader, 1)[0] {
            let expected = batch.labels.scalars.flatMap { [10 * $0, 10 * $0 + 1] }
            #expect(batch.features.scalars == expected)
        }
        // The same seed gives the same passes.
        let again = TensorLoader(features: features, labels: labels, batchSize: 2, shuffle: true, seed: 42)
        #expect(passes(again, 4).map { $0.flatMap(\.labels.scalars).map(Int.init) } == orders)
        #expect(loader.epochsStarted == 5)
    }

    @Test func batchesAreCopiesOutsideTheGraph() throws {
        let trainable = Tensor.parameter(features)
        let loader = TensorLoader(features: trainable, labels: labels, batchSize: 7, shuffle: false, seed: 0)
        let batch = try #require(loader.batches().next())
        #expect(!batch.features.requiresGrad && batch.features.sharedStorage !== trainable.sharedStorage)
    }
}

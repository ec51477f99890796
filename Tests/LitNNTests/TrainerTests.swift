import LitNN
import LitRandom
import LitTensor
import Testing

/// What a checkpoint throws to stop training early: any error, as fit does not look at it.
private struct StopTraining: Error, Equatable {}

/// The training loop, on a problem small enough to know the answer.
@Suite struct TrainerTests {
    /// Batches from fixed tensors, for a loop that needs no data set.
    final class FixedBatches: BatchSource {
        let batches: [(images: Tensor, labels: Tensor)]
        init(_ batches: [(images: Tensor, labels: Tensor)]) { self.batches = batches }
        var imageCount: Int { batches.reduce(0) { $0 + $1.labels.count } }
        var batchCount: Int { batches.count }
        func epochBatches() -> AnyIterator<(images: Tensor, labels: Tensor)> { AnyIterator(batches.makeIterator()) }
    }

    /// Two classes told apart by the sign of the first pixel: a linear model learns it.
    static func separable(seed: UInt64, batches: Int) -> FixedBatches {
        var random = SplitMix64(seed: seed)
        return FixedBatches((0..<batches).map { _ in
            let images = Tensor.randn([8, 1, 2, 2], using: &random)
            let labels = Tensor(shape: [8], scalars: (0..<8).map { images.scalars[$0 * 4] > 0 ? 1 : 0 })
            return (images, labels)
        })
    }

    @Test func learnsASeparableProblemAndRecordsEachEpoch() throws {
        var random = SplitMix64(seed: 1)
        let net = Sequential(Flatten(), Linear(4, 2, using: &random))
        var seen: [Int] = []
        var trainer = Trainer()
        trainer.epochFinished = { seen.append($0.epoch) }
        let records = try trainer.fit(net, training: Self.separable(seed: 2, batches: 40),
                                      test: Self.separable(seed: 3, batches: 10), optimizer: Adam(net.parameters(), learningRate: 0.05),
                                      epochs: 3)
        #expect(seen == [1, 2, 3])
        #expect(records.map(\.epoch) == [1, 2, 3])
        #expect(records[2].loss < records[0].loss)
        #expect(records[2].testAccuracy > 0.9)
        #expect(records.allSatisfy { $0.seconds > 0 && $0.imagesPerSecond > 0 && (0...1).contains($0.trainAccuracy) })
        #expect(net.isTraining, "evaluation restores the mode")
    }

    @Test func aFailingCheckpointStopsTheLoop() throws {
        var random = SplitMix64(seed: 1)
        let net = Sequential(Flatten(), Linear(4, 2, using: &random))
        var trainer = Trainer()
        var batches = 0
        trainer.checkpoint = {
            batches += 1
            if batches == 5 { throw StopTraining() }
        }
        #expect(throws: StopTraining()) {
            _ = try trainer.fit(net, training: Self.separable(seed: 2, batches: 40), test: Self.separable(seed: 3, batches: 2),
                                optimizer: SGD(net.parameters(), learningRate: 0.1), epochs: 1)
        }
        #expect(batches == 5)
    }
}

import Foundation
import LitDocument
import LitLibrary
import LitNN
import LitRandom
import LitTensor
import LitTestSupport
import Testing

/// What a checkpoint throws to stop training early: any error, as fit does not look at it.
private struct StopTraining: Error, Equatable {}

/// The training loop: on a problem small enough to know the answer, and the seed's LeNet
/// with the from-scratch BatchNorm on real Fashion-MNIST.
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

    /// The issue's check: the seed's LeNet with the from-scratch BatchNorm, the cells of
    /// chapters/batchnorm.md, trained on 2,000 real images for one epoch, beats 60 % on 1,000 test images.
    @Test(.enabled(if: FashionMNISTTests.isInstalled)) func seedLeNetWithCellBatchNormLearns() throws {
        let budget = Budget(name: "test", trainingImages: 2_000, testImages: 1_000, epochs: 1)
        let interpreter = ChapterSession(seed: 0, settings: LibrarySettings(budget: budget))
        // The chapter's own cells: the batchNorm function, the BatchNorm class and the LeNet.
        let chapter = try Chapter.read(path: TestPaths.repository.appendingPathComponent("chapters/batchnorm.md").path)
        let source = chapter.cells[0..<3].map(\.code).joined(separator: "\n") + """

            let (trainIter, testIter) = loadFashionMNIST(batchSize: 16)
            train(net, trainIter, testIter, optimizer: Adam(net.parameters(), lr: 0.001), epochs: 1)
            """
        let result = try interpreter.run(source, cell: 1)
        guard let table = result.items.compactMap({ item -> [[String]]? in
            if case .table(_, let rows) = item { rows } else { nil }
        }).first else {
            Issue.record("train wrote no table: \(result.items)")
            return
        }
        #expect(table.count == 1)
        let testAccuracy = try #require(Double(table[0][3]))
        #expect(testAccuracy > 0.6)
        #expect(result.text.contains("2,000 of 60,000 training images, 1,000 of 10,000 test images"))
        let figure = result.items.contains { if case .figure(let path, _) = $0 { path.hasSuffix("-training-test.svg") } else { false } }
        #expect(figure)
        #expect(interpreter.assets.count == 1)
    }
}

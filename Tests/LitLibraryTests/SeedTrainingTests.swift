import Foundation
import LitDocument
import LitLibrary
import LitNN
import LitRandom
import LitTensor
import LitTestSupport
import Testing

/// The training loop on the seed's LeNet with the from-scratch BatchNorm, the chapter's
/// own cells, on real Fashion-MNIST.
@Suite struct SeedTrainingTests {
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
            if case .table(_, let rows, _) = item { rows } else { nil }
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

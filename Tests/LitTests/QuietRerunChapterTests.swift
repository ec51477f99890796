import Foundation
import LitDocument
import LitTestSupport
import Testing

/// A training chapter run twice: the second run's timings differ, and nothing else does,
/// so the file keeps every byte and the summary says it is unchanged.
@Suite struct QuietRerunChapterTests {
    static let chapter = """
        # Training

        ```swift
        let (trainIter, testIter) = loadFashionMNIST(batchSize: 2)
        let net = Sequential(Flatten(), Linear(784, 10))
        train(net, trainIter, testIter, optimizer: SGD(net.parameters(), lr: 0.1), epochs: 3)
        ```

        """

    @Test func aSecondRunOfAnUnchangedTrainingLeavesTheFileAlone() throws {
        let data = try FashionMNISTFixture.directory()
        let work = try TestPaths.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: data)
            try? FileManager.default.removeItem(at: work)
        }
        let path = work.appendingPathComponent("chapter.md")
        try Data(Self.chapter.utf8).write(to: path)
        let first = try runLitrun(["--data", data.path, "chapter.md"], in: work)
        #expect(first.status == 0, "\(first.standardError)")
        let written = try Data(contentsOf: path)
        let block = try #require(try Chapter.read(path: path.path).cells[0].output)
        #expect(block.body.contains("| 3 | "), "\(block.body)")

        // Each run measures its own images/s, which never repeat to the image.
        for _ in 0..<2 {
            let again = try runLitrun(["--data", data.path, "chapter.md"], in: work)
            #expect(again.status == 0, "\(again.standardError)")
            #expect(try Data(contentsOf: path) == written)
            #expect(again.standardError.contains("chapter.md: unchanged"), "\(again.standardError)")
        }
    }
}

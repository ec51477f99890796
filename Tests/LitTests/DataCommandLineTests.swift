import Foundation
import LitData
import LitTestSupport
import Testing

/// `litrun --data DIR` reaches `loadFashionMNIST`.
@Suite struct DataCommandLineTests {
    static let chapter = """
        ```swift
        let (trainIter, testIter) = loadFashionMNIST(batchSize: 4)
        print(trainIter)
        ```

        """

    @Test func dataOptionSetsTheDirectory() throws {
        let data = try FashionMNISTFixture.directory()
        let work = try TestPaths.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: data)
            try? FileManager.default.removeItem(at: work)
        }
        try Data(Self.chapter.utf8).write(to: work.appendingPathComponent("chapter.md"))
        let result = try runLitrun(["--data", data.path, "--stdout", "chapter.md"], in: work)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("DataLoader(5 images, 28×28, batchSize: 4, shuffled)"), "\(result.standardOutput)")
    }

    @Test func aMissingDirectoryIsACellError() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        try Data(Self.chapter.utf8).write(to: work.appendingPathComponent("chapter.md"))
        let missing = work.appendingPathComponent("no-data").path
        let result = try runLitrun(["--data", missing, "--stdout", "chapter.md"], in: work)
        #expect(result.status == 1)
        #expect(result.standardError.contains("chapter.md:2:29: error: the Fashion-MNIST data set is not installed: "
            + "\(missing)/train-images-idx3-ubyte.gz is missing; install it with 'apt-get install dataset-fashion-mnist'"),
            "\(result.standardError)")
    }
}

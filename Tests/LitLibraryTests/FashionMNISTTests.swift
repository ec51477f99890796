import Foundation
import LitData
import LitLibrary
import LitTestSupport
import Testing

/// Loading Fashion-MNIST: from a small directory laid out like the real one, and from the
/// real files where `dataset-fashion-mnist` is installed.
@Suite struct FashionMNISTTests {
    static let realDirectory = LibrarySettings.standardDataDirectory
    static var isInstalled: Bool {
        FashionMNIST.fileNames.allSatisfy { FileManager.default.fileExists(atPath: realDirectory + "/" + $0) }
    }

    @Test func loadsBothSplits() throws {
        let directory = try FashionMNISTFixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = try FashionMNIST.load(from: directory.path)
        #expect(data.train.count == 5)
        #expect(data.test.count == 3)
        #expect(data.train.labels == FashionMNISTFixture.trainLabels)
        #expect(data.test.labels == FashionMNISTFixture.testLabels)
        #expect(data.train.pixels[4 * 784 + 100] == FashionMNISTFixture.trainValue(4))
        #expect(data.test.pixels[2 * 784] == FashionMNISTFixture.testValue(2))
    }

    @Test func theDecodedSetIsCachedPerDirectory() throws {
        let directory = try FashionMNISTFixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try FashionMNIST.load(from: directory.path)
        // Once decoded, the files are not read again: even their removal goes unnoticed.
        for name in FashionMNIST.fileNames { try FileManager.default.removeItem(at: directory.appendingPathComponent(name)) }
        let second = try FashionMNIST.load(from: directory.path + "/")
        #expect(second.train.labels == first.train.labels)
        first.train.pixels.withUnsafeBufferPointer { a in
            second.train.pixels.withUnsafeBufferPointer { b in #expect(a.baseAddress == b.baseAddress, "the same storage, not a copy") }
        }
    }

    @Test func aMissingFileSaysHowToInstallTheDataSet() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("train-images-idx3-ubyte.gz").path
        #expect(throws: DataError.missingDataSet(name: "Fashion-MNIST", path: path, package: "dataset-fashion-mnist")) {
            try FashionMNIST.load(from: directory.path)
        }
        let message = DataError.missingDataSet(name: "Fashion-MNIST", path: path, package: "dataset-fashion-mnist").description
        #expect(message == "the Fashion-MNIST data set is not installed: \(path) is missing; install it with "
            + "'apt-get install dataset-fashion-mnist', or point --data or LIT_DATA at a directory that holds its files")
    }

    @Test func labelsMustMatchTheImages() throws {
        let directory = try FashionMNISTFixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let labels = GzipFixture.idx(dimensions: [4], values: [1, 2, 3, 4])
        let path = try GzipFixture.write(GzipFixture.compress(labels), named: "train-labels-idx1-ubyte.gz", in: directory)
        #expect(throws: DataError.inconsistent(path: path, reason: "4 labels for 5 images in \(directory.appendingPathComponent("train-images-idx3-ubyte.gz").path)")) {
            try FashionMNIST.read(from: directory.path)
        }
    }

    @Test func labelsMustBeClasses() throws {
        let directory = try FashionMNISTFixture.directory(testLabels: [9, 10, 1])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("t10k-labels-idx1-ubyte.gz").path
        #expect(throws: DataError.inconsistent(path: path, reason: "label 10 is not one of the 10 classes")) {
            try FashionMNIST.read(from: directory.path)
        }
    }

    // MARK: The real files

    @Test(.enabled(if: isInstalled)) func realFilesHaveTheDocumentedShape() throws {
        let data = try FashionMNIST.load(from: Self.realDirectory)
        #expect((data.train.count, data.train.height, data.train.width) == (60_000, 28, 28))
        #expect((data.test.count, data.test.height, data.test.width) == (10_000, 28, 28))
        #expect(data.train.pixels.count == 60_000 * 784)
        #expect(data.test.pixels.count == 10_000 * 784)
        // Checked with Python's gzip module: the first training image is an ankle boot
        // (class 9), as Fashion-MNIST's README shows, and its pixels sum to 76,247; the
        // first test image is an ankle boot too.
        #expect(data.train.labels.prefix(10) == [9, 0, 0, 3, 0, 2, 7, 2, 5, 5])
        #expect(data.test.labels.prefix(10) == [9, 2, 1, 1, 6, 1, 4, 6, 5, 7])
        #expect(data.train.pixels.prefix(784).reduce(0) { $0 + Int($1) } == 76_247)
        // Balanced classes: 6,000 of each in training, 1,000 in test.
        for (labels, perClass) in [(data.train.labels, 6_000), (data.test.labels, 1_000)] {
            var counts = [Int](repeating: 0, count: 10)
            for label in labels { counts[Int(label)] += 1 }
            #expect(counts == [Int](repeating: perClass, count: 10))
        }
    }

    @Test(.enabled(if: isInstalled)) func realLoadersUnderTheQuickBudget() throws {
        let data = try FashionMNIST.load(from: Self.realDirectory)
        let budget = Budget.quick
        let train = DataLoader(data.train, batchSize: 16, shuffle: true, seed: 0, sampleSize: budget.trainingImages)
        let test = DataLoader(data.test, batchSize: 16, shuffle: false, seed: 0, sampleSize: budget.testImages)
        #expect((train.imageCount, train.sampledFrom, train.batchCount) == (1_000, 60_000, 63))
        #expect((test.imageCount, test.sampledFrom, test.batchCount) == (500, 10_000, 32))
        let full = DataLoader(data.train, batchSize: 16, shuffle: true, seed: 0)
        #expect((full.imageCount, full.batchCount) == (60_000, 3_750))
        let first = try #require(full.batches().first { _ in true })
        #expect(first.images.shape == [16, 1, 28, 28])
        #expect(first.labels.scalars.allSatisfy { (0...9).contains($0) && $0 == $0.rounded() })
    }
}

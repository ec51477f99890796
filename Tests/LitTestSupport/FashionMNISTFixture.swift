import Foundation

/// A data directory laid out as Fashion-MNIST's, holding a few 28×28 images, so that
/// loading and the cell language can be tested without the real files.
package enum FashionMNISTFixture {
    /// Train image i is filled with `10 * i + 1`, test image i with `10 * i + 5`.
    package static let trainLabels: [UInt8] = [9, 0, 0, 3, 0]
    package static let testLabels: [UInt8] = [9, 2, 1]

    package static func trainValue(_ image: Int) -> UInt8 { UInt8(10 * image + 1) }
    package static func testValue(_ image: Int) -> UInt8 { UInt8(10 * image + 5) }

    /// A fresh directory with the four files; the caller removes it.
    package static func directory(trainLabels: [UInt8] = trainLabels, testLabels: [UInt8] = testLabels) throws -> URL {
        let directory = try TestPaths.temporaryDirectory()
        try write(labels: trainLabels, value: trainValue, prefix: "train", in: directory)
        try write(labels: testLabels, value: testValue, prefix: "t10k", in: directory)
        return directory
    }

    private static func write(labels: [UInt8], value: (Int) -> UInt8, prefix: String, in directory: URL) throws {
        let pixels = labels.indices.flatMap { [UInt8](repeating: value($0), count: 28 * 28) }
        let images = GzipFixture.idx(dimensions: [labels.count, 28, 28], values: pixels)
        try GzipFixture.write(GzipFixture.compress(images), named: "\(prefix)-images-idx3-ubyte.gz", in: directory)
        let labelFile = GzipFixture.idx(dimensions: [labels.count], values: labels)
        try GzipFixture.write(GzipFixture.compress(labelFile), named: "\(prefix)-labels-idx1-ubyte.gz", in: directory)
    }
}

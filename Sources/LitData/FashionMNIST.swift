import Foundation
import Synchronization

/// Zalando's Fashion-MNIST: 60,000 training and 10,000 test images of clothing, 28×28
/// grayscale, in ten classes; read from the four gzip'd IDX files of its distribution.
public struct FashionMNIST: Sendable {
    /// The ten classes' English names, by label, as the course's `get_fashion_mnist_labels` gives them.
    public static let labelNames = [
        "t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot",
    ]

    public let train: ImageSet
    public let test: ImageSet

    public static let name = "Fashion-MNIST"
    /// The Debian package that installs the files into `LibrarySettings.standardDataDirectory`.
    public static let package = "dataset-fashion-mnist"
    /// The names of the two splits' image sets.
    public static let trainName = "Fashion-MNIST train"
    public static let testName = "Fashion-MNIST test"
    package static let imageSize = 28
    package static let classCount = 10
    package static let fileNames = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]

    /// Decoded sets by directory: decoding takes a noticeable fraction of a second, and a
    /// chapter (or the test suite) may ask for the data many times.
    private static let cache = Mutex<[String: FashionMNIST]>([:])

    /// The data set in `directory`, decoded once per process. A missing file is an error
    /// that says how to install the data set.
    public static func load(from directory: String) throws(DataError) -> FashionMNIST {
        let key = URL(fileURLWithPath: directory).standardizedFileURL.path
        // Loading under the lock makes concurrent callers wait for one decode, not repeat it.
        return try cache.withLock { (sets: inout [String: FashionMNIST]) throws(DataError) -> FashionMNIST in
            if let cached = sets[key] { return cached }
            let loaded = try read(from: directory)
            sets[key] = loaded
            return loaded
        }
    }

    /// Reads and checks the four files, bypassing the cache; the four decode in parallel.
    package static func read(from directory: String) throws(DataError) -> FashionMNIST {
        let paths = fileNames.map { URL(fileURLWithPath: directory).appendingPathComponent($0).path }
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw .missingDataSet(name: name, path: path, package: package)
        }
        let results = Mutex<[Int: Result<IDXFile, DataError>]>([:])
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let rank = index % 2 == 0 ? 3 : 1
            let result = Result { () throws(DataError) in try IDXFile(contentsOfGzip: paths[index], rank: rank) }
            results.withLock { $0[index] = result }
        }
        let files = results.withLock { $0 }
        return FashionMNIST(train: try split(files[0]!.get(), files[1]!.get(), paths[0], paths[1], name: trainName),
                            test: try split(files[2]!.get(), files[3]!.get(), paths[2], paths[3], name: testName))
    }

    /// Checks that images and labels agree and are what Fashion-MNIST promises.
    private static func split(_ images: IDXFile, _ labels: IDXFile, _ imagePath: String, _ labelPath: String,
                              name: String) throws(DataError) -> ImageSet {
        guard images.dimensions.dropFirst() == [imageSize, imageSize] else {
            throw .inconsistent(path: imagePath, reason: "images are \(images.dimensions.dropFirst().map(String.init).joined(separator: "×")), expected \(imageSize)×\(imageSize)")
        }
        guard images.dimensions[0] == labels.dimensions[0] else {
            throw .inconsistent(path: labelPath, reason: "\(labels.dimensions[0]) labels for \(images.dimensions[0]) images in \(imagePath)")
        }
        if let bad = labels.values.first(where: { Int($0) >= classCount }) {
            throw .inconsistent(path: labelPath, reason: "label \(bad) is not one of the \(classCount) classes")
        }
        return ImageSet(pixels: images.values, labels: labels.values, height: imageSize, width: imageSize, name: name)
    }
}

import Foundation
import LitData
import LitTestSupport
import Testing

/// The IDX reader on small files that the tests write through zlib, including each way
/// a file can be wrong.
@Suite struct IDXFileTests {
    /// Two 2×3 images whose pixels count up from 1.
    static let images = GzipFixture.idx(dimensions: [2, 2, 3], values: Array(1...12))

    func withDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    func error(_ path: String, rank: Int) -> DataError? {
        do { _ = try IDXFile(contentsOfGzip: path, rank: rank) } catch { return error }
        return nil
    }

    @Test func readsImagesAndLabels() throws {
        try withDirectory { directory in
            let imagePath = try GzipFixture.write(GzipFixture.compress(Self.images), named: "images.gz", in: directory)
            let images = try IDXFile(contentsOfGzip: imagePath, rank: 3)
            #expect(images.dimensions == [2, 2, 3])
            #expect(images.values == Array(1...12))

            let labelPath = try GzipFixture.write(GzipFixture.compress(GzipFixture.idx(dimensions: [3], values: [9, 0, 3])),
                                                  named: "labels.gz", in: directory)
            let labels = try IDXFile(contentsOfGzip: labelPath, rank: 1)
            #expect(labels.dimensions == [3])
            #expect(labels.values == [9, 0, 3])
        }
    }

    @Test func headerIsBigEndian() throws {
        // 300 = 0x012C: a little-endian reader would see 0x2C01_0000.
        #expect(Array(GzipFixture.idx(dimensions: [300], values: []).prefix(8)) == [0, 0, 8, 1, 0, 0, 1, 0x2C])
        try withDirectory { directory in
            let bytes = GzipFixture.idx(dimensions: [300], values: [UInt8](repeating: 7, count: 300))
            let path = try GzipFixture.write(GzipFixture.compress(bytes), named: "labels.gz", in: directory)
            #expect(try IDXFile(contentsOfGzip: path, rank: 1).dimensions == [300])
        }
    }

    @Test func readsConcatenatedGzipMembers() throws {
        try withDirectory { directory in
            let whole = Self.images
            let bytes = GzipFixture.compress(Array(whole.prefix(10))) + GzipFixture.compress(Array(whole.dropFirst(10)))
            let path = try GzipFixture.write(bytes, named: "images.gz", in: directory)
            #expect(try IDXFile(contentsOfGzip: path, rank: 3).values == Array(1...12))
        }
    }

    @Test func readsAnEmptySet() throws {
        try withDirectory { directory in
            let bytes = GzipFixture.idx(dimensions: [0, 28, 28], values: [])
            let path = try GzipFixture.write(GzipFixture.compress(bytes), named: "empty.gz", in: directory)
            let file = try IDXFile(contentsOfGzip: path, rank: 3)
            #expect(file.dimensions == [0, 28, 28])
            #expect(file.values.isEmpty)
        }
    }

    @Test func missingFile() throws {
        try withDirectory { directory in
            let path = directory.appendingPathComponent("absent.gz").path
            #expect(error(path, rank: 3) == .missingFile(path: path))
            #expect(error(path, rank: 3)?.description == "no such file: \(path)")
        }
    }

    @Test func unreadableFile() throws {
        try withDirectory { directory in
            // A directory cannot be read as a file, even by root (file modes would not stop root).
            let path = directory.path
            #expect(error(path, rank: 3) == .unreadableFile(path: path, reason: "it is not a regular file"))
            #expect(error(path, rank: 3)?.description.contains(path) == true)
        }
    }

    @Test func fileThatIsNotGzip() throws {
        try withDirectory { directory in
            let path = try GzipFixture.write(Self.images, named: "plain.gz", in: directory)
            let failure = error(path, rank: 3)
            #expect(failure == .corruptGzip(path: path, reason: "it does not start with the gzip signature"))
            #expect(failure?.description == "\(path) is not a valid gzip file: it does not start with the gzip signature")
        }
    }

    @Test func corruptGzip() throws {
        try withDirectory { directory in
            var bytes = GzipFixture.compress(Self.images)
            bytes[bytes.count - 6] ^= 0xFF  // inside the CRC-32 of the trailer
            let path = try GzipFixture.write(bytes, named: "corrupt.gz", in: directory)
            guard case .corruptGzip(let failedPath, let reason)? = error(path, rank: 3) else {
                Issue.record("expected a gzip error, got \(String(describing: error(path, rank: 3)))")
                return
            }
            #expect(failedPath == path)
            #expect(reason == "incorrect data check", "zlib's message for a wrong CRC")
        }
    }

    @Test func truncatedGzip() throws {
        try withDirectory { directory in
            let values = (0..<512).map { UInt8(truncatingIfNeeded: $0 * 37 + $0 / 7) }
            let bytes = GzipFixture.compress(GzipFixture.idx(dimensions: [2, 16, 16], values: values))
            let path = try GzipFixture.write(Array(bytes.prefix(bytes.count - 12)), named: "cut.gz", in: directory)
            #expect(error(path, rank: 3) == .corruptGzip(path: path, reason: "the compressed data ends early (the file is truncated)"))
        }
    }

    @Test func badMagic() throws {
        try withDirectory { directory in
            let path = try GzipFixture.write(GzipFixture.compress(Self.images), named: "images.gz", in: directory)
            let failure = error(path, rank: 1)
            #expect(failure == .badMagic(path: path, found: 0x0803, expected: 0x0801))
            #expect(failure?.description == "\(path) is not an IDX file of the expected kind: magic number 0x00000803, expected 0x00000801")

            let floats = GzipFixture.idx(dimensions: [1], values: [0, 0, 0, 0], magic: 0x0D01)
            let floatPath = try GzipFixture.write(GzipFixture.compress(floats), named: "floats.gz", in: directory)
            #expect(error(floatPath, rank: 1) == .badMagic(path: floatPath, found: 0x0D01, expected: 0x0801))
        }
    }

    @Test func truncatedData() throws {
        try withDirectory { directory in
            let short = Array(Self.images.dropLast(5))
            let path = try GzipFixture.write(GzipFixture.compress(short), named: "short.gz", in: directory)
            #expect(error(path, rank: 3) == .truncated(path: path, expected: 16 + 12, found: 16 + 7))
            #expect(error(path, rank: 3)?.description == "\(path) is truncated: its header promises 28 bytes, it holds 23")

            let header = Array(Self.images.prefix(10))
            let headerPath = try GzipFixture.write(GzipFixture.compress(header), named: "header.gz", in: directory)
            #expect(error(headerPath, rank: 3) == .truncated(path: headerPath, expected: 16, found: 10))

            // A header that promises 4 billion labels in a file of a few bytes.
            let huge = GzipFixture.idx(dimensions: [4_000_000_000], values: [1, 2, 3])
            let hugePath = try GzipFixture.write(GzipFixture.compress(huge), named: "huge.gz", in: directory)
            #expect(error(hugePath, rank: 1) == .truncated(path: hugePath, expected: 4_000_000_008, found: 11))
        }
    }

    @Test func dataLongerThanItsDimensions() throws {
        try withDirectory { directory in
            let path = try GzipFixture.write(GzipFixture.compress(Self.images + [0, 0]), named: "long.gz", in: directory)
            #expect(error(path, rank: 3) == .extraBytes(path: path, expected: 28, found: 30))
        }
    }
}

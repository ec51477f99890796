import Foundation
import LitData
import LitTestSupport
import Testing

/// The bound on how much a gzip file can expand, which caps what a lying header makes the
/// reader allocate: it must hold for the most compressible data deflate can make, and it
/// must keep an absurd request from allocating.
@Suite struct GzipReaderTests {
    @Test func theMostCompressibleDataStillFitsTheBound() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Zeros at zlib's best compression approach deflate's limit of about 1032:1.
        let zeros = [UInt8](repeating: 0, count: 8 << 20)
        let compressed = GzipFixture.compress(zeros)
        let ratio = Double(zeros.count) / Double(compressed.count)
        #expect(ratio > 1000, "the fixture must sit near the limit to test it (ratio \(ratio))")
        let path = try GzipFixture.write(compressed, named: "zeros.gz", in: directory)
        let reader = try GzipReader(path: path)
        let bytes = try reader.read(count: Int.max / 2)
        #expect(bytes.count == zeros.count)
        #expect(bytes.allSatisfy { $0 == 0 })
        #expect(try reader.skipToEnd() == 0)
    }

    @Test func aHugeRequestAllocatesOnlyWhatTheFileCanHold() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let payload = Array("a few real bytes".utf8)
        let path = try GzipFixture.write(GzipFixture.compress(payload), named: "small.gz", in: directory)
        // Without the bound this would ask for 2^62 bytes and crash.
        let bytes = try GzipReader(path: path).read(count: 1 << 62)
        #expect(bytes == payload)
        #expect(bytes.capacity < 1 << 20)
    }
}

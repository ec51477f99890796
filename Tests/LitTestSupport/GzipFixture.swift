import CZlib
import Foundation

/// Writes the small gzip'd IDX files the data tests read, compressed by zlib itself so
/// that the reader is checked against an independent writer.
package enum GzipFixture {
    /// `bytes` as one gzip member.
    package static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        precondition(deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
        var input = bytes
        let written = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = UInt32(destination.count)
                precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
                return destination.count - Int(stream.avail_out)
            }
        }
        return Array(output.prefix(written))
    }

    /// An IDX file's bytes: magic 0x0000_08NN, big-endian dimensions, then `values`.
    package static func idx(dimensions: [Int], values: [UInt8], magic: UInt32? = nil) -> [UInt8] {
        var bytes = bigEndian(magic ?? (0x0800 | UInt32(dimensions.count)))
        for size in dimensions { bytes += bigEndian(UInt32(size)) }
        return bytes + values
    }

    package static func bigEndian(_ word: UInt32) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> $0) }
    }

    /// Writes `bytes` to `name` in `directory` and returns the path.
    @discardableResult
    package static func write(_ bytes: [UInt8], named name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}

import CZlib
import Foundation

/// Streams the decompressed bytes of a gzip file through zlib, so that a reader can take
/// a header first and then decompress the payload straight into an array of its exact
/// size. The only file that sees zlib: everything else gets bytes and `DataError`s that
/// name the path.
package final class GzipReader {
    package let path: String
    private let zlib: InflateState
    private var isFinished = false
    private var compressed: UnsafeMutableBufferPointer<UInt8> { zlib.compressed }
    private var stream: UnsafeMutablePointer<z_stream> { zlib.stream }

    /// Deflate never expands more than 1032 times, which bounds what a file can hold.
    private static let maximumExpansion = 1032

    package init(path: String) throws(DataError) {
        self.path = path
        zlib = InflateState(compressed: try readWholeFile(path))
        guard zlib.compressed.count >= 2, zlib.compressed[0] == 0x1F, zlib.compressed[1] == 0x8B else {
            throw .corruptGzip(path: path, reason: "it does not start with the gzip signature")
        }
        guard zlib.start() else { throw .unreadableFile(path: path, reason: "zlib could not start") }
    }

    /// The next `count` bytes, or fewer where the data ends first.
    package func read(count: Int) throws(DataError) -> [UInt8] {
        // A corrupt header may promise more than the file can hold; allocate only that.
        let capacity = min(count, compressed.count * GzipReader.maximumExpansion)
        var failure: DataError?
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            do throws(DataError) { initialized = try read(into: UnsafeMutableRawBufferPointer(buffer)) } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// How many bytes are left, read and dropped.
    package func skipToEnd() throws(DataError) -> Int {
        var skipped = 0
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { scratch.deallocate() }
        while !isFinished { skipped += try read(into: scratch) }
        return skipped
    }

    /// Fills `buffer` as far as the data goes and returns how many bytes it wrote.
    private func read(into buffer: UnsafeMutableRawBufferPointer) throws(DataError) -> Int {
        var produced = 0
        while produced < buffer.count && !isFinished {
            let room = UInt32(min(buffer.count - produced, Int(UInt32.max)))
            stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + produced
            stream.pointee.avail_out = room
            let status = inflate(stream, Z_NO_FLUSH)
            produced += Int(room - stream.pointee.avail_out)
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                if stream.pointee.avail_in == 0 { isFinished = true } else { inflateReset(stream) }  // `cat a.gz b.gz`
            case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                throw .corruptGzip(path: path, reason: "the compressed data ends early (the file is truncated)")
            case Z_MEM_ERROR:
                throw .unreadableFile(path: path, reason: "out of memory while decompressing")
            default:
                throw .corruptGzip(path: path, reason: stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)")
            }
        }
        return produced
    }
}

/// zlib's stream and the compressed file it reads in place: the memory that zlib holds
/// addresses into, owned here and freed together.
private final class InflateState {
    /// The whole compressed file.
    let compressed: UnsafeMutableBufferPointer<UInt8>
    /// On the heap because zlib checks that its stream never moves.
    let stream: UnsafeMutablePointer<z_stream>
    private var isStarted = false

    init(compressed: UnsafeMutableBufferPointer<UInt8>) {
        self.compressed = compressed
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
    }

    /// Starts inflating the whole file; false if zlib could not.
    func start() -> Bool {
        // 15 + 16: the largest window, and a gzip (not zlib) header.
        guard inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return false }
        isStarted = true
        stream.pointee.next_in = compressed.baseAddress
        stream.pointee.avail_in = UInt32(compressed.count)
        return true
    }

    deinit {
        if isStarted { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        compressed.deallocate()
    }
}

/// The bytes of a file, with errors that tell a missing file from an unreadable one.
private func readWholeFile(_ path: String) throws(DataError) -> UnsafeMutableBufferPointer<UInt8> {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
        let code = errno
        if code == ENOENT || code == ENOTDIR { throw .missingFile(path: path) }
        throw .unreadableFile(path: path, reason: String(cString: strerror(code)))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw .unreadableFile(path: path, reason: String(cString: strerror(errno))) }
    guard (status.st_mode & S_IFMT) == S_IFREG else { throw .unreadableFile(path: path, reason: "it is not a regular file") }
    guard status.st_size <= Int(UInt32.max) else { throw .unreadableFile(path: path, reason: "it is larger than 4 GiB") }

    let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(Int(status.st_size), 1))
    var filled = 0
    while filled < Int(status.st_size) {
        let count = read(descriptor, bytes.baseAddress! + filled, Int(status.st_size) - filled)
        if count < 0 && errno == EINTR { continue }
        if count < 0 {
            let reason = String(cString: strerror(errno))
            bytes.deallocate()
            throw .unreadableFile(path: path, reason: reason)
        }
        if count == 0 { break }  // the file shrank while being read
        filled += count
    }
    return UnsafeMutableBufferPointer(rebasing: bytes[..<filled])
}

import CZlib
import Foundation

/// Reads gzip files through zlib. The only file that sees zlib: everything else gets
/// plain byte arrays and `DataError`s that name the path.
enum Gzip {
    /// The decompressed contents of the gzip file at `path`.
    static func contents(ofFile path: String) throws(DataError) -> [UInt8] {
        try decompress(try readFile(path), path: path)
    }

    /// Inflates gzip data; `path` only names the source in errors.
    static func decompress(_ compressed: [UInt8], path: String) throws(DataError) -> [UInt8] {
        guard compressed.count >= 18, compressed[0] == 0x1F, compressed[1] == 0x8B else {
            throw .corruptGzip(path: path, reason: "it does not start with the gzip signature")
        }
        guard compressed.count <= Int(UInt32.max) else {
            throw .unreadableFile(path: path, reason: "it is larger than 4 GiB")
        }
        // The trailer's last four bytes give the size (mod 2^32), so one buffer usually fits;
        // deflate cannot expand more than 1032 times, which bounds a corrupt trailer.
        let trailerSize = compressed.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        let sizeHint = min(trailerSize, compressed.count * 1032)
        var output = [UInt8](repeating: 0, count: max(sizeHint, 1024))
        var produced = 0

        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .unreadableFile(path: path, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }

        let failure: DataError? = compressed.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress!)
            stream.avail_in = UInt32(input.count)
            while true {
                if produced == output.count { output.append(contentsOf: repeatElement(0, count: output.count)) }
                let status = output.withUnsafeMutableBufferPointer { buffer in
                    let room = UInt32(min(buffer.count - produced, Int(UInt32.max)))
                    stream.next_out = buffer.baseAddress! + produced
                    stream.avail_out = room
                    let status = inflate(&stream, Z_NO_FLUSH)
                    produced += Int(room - stream.avail_out)
                    return status
                }
                switch status {
                case Z_STREAM_END:
                    if stream.avail_in == 0 { return nil }
                    // Another member follows, as `cat a.gz b.gz` makes.
                    inflateReset(&stream)
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return .corruptGzip(path: path, reason: "the compressed data ends early (the file is truncated)")
                case Z_BUF_ERROR:
                    continue
                case Z_MEM_ERROR:
                    return .unreadableFile(path: path, reason: "out of memory while decompressing")
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    return .corruptGzip(path: path, reason: message)
                }
            }
        }
        if let failure { throw failure }
        output.removeLast(output.count - produced)
        return output
    }

    /// The bytes of a file, with errors that tell a missing file from an unreadable one.
    private static func readFile(_ path: String) throws(DataError) -> [UInt8] {
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

        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        let failure: Int32? = bytes.withUnsafeMutableBytes { buffer in
            while filled < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if count == 0 { break }  // the file shrank while being read
                filled += count
            }
            return nil
        }
        if let failure { throw .unreadableFile(path: path, reason: String(cString: strerror(failure))) }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}

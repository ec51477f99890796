import CZlib
import Foundation

/// The envelope around a snapshot's payload, which lets a reader reject a file that is
/// truncated, corrupt, hand-edited, from another format version or saved under another
/// cache key, before decoding any of it.
///
/// Layout, little-endian: the 8 magic bytes `LITSNAP` + 0x1A; the format version (UInt32);
/// the key's length (UInt32) and its UTF-8 bytes; the payload's length (UInt64) and the
/// payload; then the CRC-32 (UInt32) of every byte before it. CRC-32 catches every error
/// confined to 32 consecutive bits, so any one changed byte is found.
public enum SnapshotFile {
    /// Raised whenever the encoding of any object changes.
    public static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("LITSNAP".utf8) + [0x1A]

    /// `payload` in its envelope, saved under `key` (the cache key the reader must present).
    public static func seal(_ payload: [UInt8], key: String, version: UInt32 = formatVersion) -> [UInt8] {
        var file = header(key: key, payloadCount: payload.count, version: version)
        file += payload
        appendLittleEndian(checksum(file[...]), to: &file)
        return file
    }

    /// Everything before the payload.
    private static func header(key: String, payloadCount: Int, version: UInt32 = formatVersion) -> [UInt8] {
        let keyBytes = Array(key.utf8)
        var header = magic
        appendLittleEndian(version, to: &header)
        appendLittleEndian(UInt32(keyBytes.count), to: &header)
        header += keyBytes
        appendLittleEndian(UInt64(payloadCount), to: &header)
        return header
    }

    /// The payload of `file`, once magic, version, framing, checksum and key all check out.
    /// Files that use the envelope for a format of their own (parameter files) give that
    /// format's `version`.
    public static func open(_ file: [UInt8], key: String, version: UInt32 = formatVersion) throws(SnapshotError) -> [UInt8] {
        Array(file[try payloadRange(of: file, key: key, version: version)])
    }

    /// Where the payload lies in `file`, once magic, version, framing, checksum and key
    /// all check out.
    public static func payloadRange(of file: [UInt8], key: String,
                                    version expectedVersion: UInt32 = formatVersion) throws(SnapshotError) -> Range<Int> {
        guard file.count >= magic.count else {
            throw file.elementsEqual(magic.prefix(file.count)) ? .truncated : .notASnapshot
        }
        guard file.starts(with: magic) else { throw .notASnapshot }
        var position = magic.count
        let version = try readLittleEndian(UInt32.self, from: file, at: &position)
        guard version == expectedVersion else { throw .versionMismatch(found: version, expected: expectedVersion) }
        let keyCount = Int(try readLittleEndian(UInt32.self, from: file, at: &position))
        guard keyCount <= file.count - position else { throw .truncated }
        let keyBytes = file[position..<position + keyCount]
        position += keyCount
        let payloadCount = try readLittleEndian(UInt64.self, from: file, at: &position)
        let checksumSize = MemoryLayout<UInt32>.size
        guard payloadCount <= UInt64(max(0, file.count - position - checksumSize)) else { throw .truncated }
        let payloadEnd = position + Int(payloadCount)
        guard payloadEnd + checksumSize == file.count else { throw .corrupt("bytes after the checksum") }
        var checksumPosition = payloadEnd
        let stored = try readLittleEndian(UInt32.self, from: file, at: &checksumPosition)
        guard stored == checksum(file[..<payloadEnd]) else { throw .checksumMismatch }
        guard let storedKey = String(validating: keyBytes, as: UTF8.self) else { throw .corrupt("a key that is not UTF-8") }
        guard storedKey == key else { throw .keyMismatch(found: storedKey, expected: key) }
        return position..<payloadEnd
    }

    /// Writes the sealed payload to `url` atomically (a reader never sees half a file),
    /// streaming the payload from where it is instead of copying it into one buffer.
    /// Unlike a chapter it is not synced to disk: a snapshot lost in a power cut only
    /// costs a longer run, and one torn by it fails its checksum.
    public static func write(_ payload: [UInt8], key: String, to url: URL) throws {
        let header = header(key: key, payloadCount: payload.count)
        var trailer: [UInt8] = []
        appendLittleEndian(checksum(payload[...], continuing: checksum(header[...])), to: &trailer)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            for part in [header, payload, trailer] { try handle.write(contentsOf: part) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }

    /// A reader of the payload of the snapshot at `url`, once it checks out; a missing or
    /// unreadable file throws Foundation's error.
    public static func reader(for url: URL, key: String) throws -> SnapshotReader {
        let file = Array(try Data(contentsOf: url, options: .alwaysMapped))
        return SnapshotReader(file, range: try payloadRange(of: file, key: key))
    }

    /// zlib's CRC-32, fed in pieces small enough for its 32-bit lengths; `crc` continues
    /// the checksum of the bytes before these.
    public static func checksum(_ bytes: ArraySlice<UInt8>, continuing crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var crc = uLong(crc)
            var start = 0
            while start < buffer.count {
                let length = min(buffer.count - start, 1 << 30)
                crc = crc32(crc, buffer.baseAddress! + start, uInt(length))
                start += length
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }

    private static func appendLittleEndian<Word: FixedWidthInteger>(_ word: Word, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func readLittleEndian<Word: FixedWidthInteger>(
        _: Word.Type, from bytes: [UInt8], at position: inout Int
    ) throws(SnapshotError) -> Word {
        let size = MemoryLayout<Word>.size
        guard size <= bytes.count - position else { throw .truncated }
        var word = Word.zero
        for index in 0..<size { word |= Word(bytes[position + index]) << (8 * index) }
        position += size
        return word
    }
}

import CZlib

/// Writes 8-bit greyscale or RGB pixels as a PNG file, its image data compressed by zlib.
///
/// The bytes depend only on the pixels and zlib's deflate at its best compression, which
/// gives the same output for the same input, so a re-run writes the same figure.
package enum PNGEncoder {
    /// `levels` row by row, `channels` (1 for grey, 3 for RGB) interleaved per pixel.
    package static func encode(width: Int, height: Int, channels: Int, levels: [UInt8]) -> [UInt8] {
        precondition(channels == 1 || channels == 3, "PNG images here are grey or RGB")
        precondition(width > 0 && height > 0 && levels.count == width * height * channels, "levels do not fill the image")
        var header: [UInt8] = []
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        // Bit depth 8; colour type 0 (grey) or 2 (RGB); deflate; adaptive filtering; no interlace.
        header += [8, channels == 1 ? 0 : 2, 0, 0, 0]
        // Each row starts with its filter type, 0: the bytes as they are.
        let rowLength = width * channels
        var filtered: [UInt8] = []
        filtered.reserveCapacity(height * (rowLength + 1))
        for row in 0..<height {
            filtered.append(0)
            filtered += levels[row * rowLength..<(row + 1) * rowLength]
        }
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file += chunk("IHDR", header)
        file += chunk("IDAT", deflated(filtered))
        file += chunk("IEND", [])
        return file
    }

    /// A chunk: its length, type, data and the CRC-32 of type and data.
    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeAndData = Array(type.utf8) + data
        let checksum = typeAndData.withUnsafeBufferPointer { buffer in
            crc32(0, buffer.baseAddress, UInt32(buffer.count))
        }
        return bigEndian(UInt32(data.count)) + typeAndData + bigEndian(UInt32(checksum))
    }

    /// `bytes` as a zlib stream, which is what PNG's image data holds.
    private static func deflated(_ bytes: [UInt8]) -> [UInt8] {
        var length = compressBound(UInt(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { destination in
            bytes.withUnsafeBufferPointer { source in
                compress2(destination.baseAddress, &length, source.baseAddress, UInt(source.count), Z_BEST_COMPRESSION)
            }
        }
        // compressBound leaves room for any input, and the level is valid.
        precondition(status == Z_OK, "zlib's compress2 failed with status \(status)")
        return Array(output.prefix(Int(length)))
    }

    private static func bigEndian(_ word: UInt32) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> $0) }
    }
}

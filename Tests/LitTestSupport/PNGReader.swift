import CZlib
import Foundation

/// Reads the PNG images that figures embed as `data:` URLs, written apart from the encoder
/// so that the tests check it against the format: the signature, every chunk's CRC-32, the
/// header and the image data inflated by zlib itself.
package struct PNGReader: Equatable {
    package let width: Int
    package let height: Int
    /// PNG's colour type: 0 for grey, 2 for RGB.
    package let colorType: UInt8
    /// The levels row by row, channels interleaved, without the rows' filter bytes.
    package let levels: [UInt8]

    /// The image in a `data:image/png;base64,...` URL, or nil when it is not one.
    package init?(dataURL: String) {
        let prefix = "data:image/png;base64,"
        guard dataURL.hasPrefix(prefix), let data = Data(base64Encoded: String(dataURL.dropFirst(prefix.count))) else {
            return nil
        }
        self.init(bytes: [UInt8](data))
    }

    /// The image, or nil when the bytes are not an 8-bit grey or RGB PNG whose rows all
    /// use filter 0, the only filter the encoder writes.
    package init?(bytes: [UInt8]) {
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        var chunks: [(type: String, data: [UInt8])] = []
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(Self.word(bytes, at: offset))
            guard offset + 12 + length <= bytes.count else { return nil }
            let typeAndData = Array(bytes[offset + 4..<offset + 8 + length])
            let checksum = typeAndData.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
            guard UInt32(checksum) == Self.word(bytes, at: offset + 8 + length) else { return nil }
            chunks.append((String(decoding: typeAndData.prefix(4), as: UTF8.self), Array(typeAndData.dropFirst(4))))
            offset += 12 + length
        }
        guard offset == bytes.count, chunks.first?.type == "IHDR", chunks.last?.type == "IEND",
              let header = chunks.first?.data, header.count == 13 else { return nil }
        width = Int(Self.word(header, at: 0))
        height = Int(Self.word(header, at: 4))
        colorType = header[9]
        guard header[8] == 8, colorType == 0 || colorType == 2, header[10...12] == [0, 0, 0] else { return nil }
        let rowLength = width * (colorType == 0 ? 1 : 3)
        let compressed = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
        var inflated = [UInt8](repeating: 0, count: height * (rowLength + 1))
        var inflatedLength = UInt(inflated.count)
        let status = inflated.withUnsafeMutableBufferPointer { output in
            compressed.withUnsafeBufferPointer { input in
                uncompress(output.baseAddress, &inflatedLength, input.baseAddress, UInt(input.count))
            }
        }
        guard status == Z_OK, Int(inflatedLength) == inflated.count else { return nil }
        var levels: [UInt8] = []
        for row in 0..<height {
            let start = row * (rowLength + 1)
            guard inflated[start] == 0 else { return nil }
            levels += inflated[start + 1..<start + 1 + rowLength]
        }
        self.levels = levels
    }

    private static func word(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}

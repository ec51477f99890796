/// An array of unsigned bytes read from a gzip'd IDX file, the format of MNIST and
/// Fashion-MNIST: a big-endian magic number (0x0000_08NN, where 0x08 means unsigned
/// bytes and NN is the number of dimensions), one big-endian UInt32 per dimension, then
/// the values in row-major order.
public struct IDXFile: Sendable {
    /// The size of each dimension, outermost first: `[60000, 28, 28]` for images.
    public let dimensions: [Int]
    /// The values, row-major.
    public let values: [UInt8]

    /// The type code for unsigned bytes, the only one these data sets use.
    package static let unsignedByte: UInt32 = 0x08

    /// Reads the file at `path`, which must hold unsigned bytes in `rank` dimensions
    /// (magic 0x0801 for labels, 0x0803 for images) and exactly as many values as its
    /// dimensions promise.
    public init(contentsOfGzip path: String, rank: Int) throws(DataError) {
        let reader = try GzipReader(path: path)
        let expectedMagic = IDXFile.unsignedByte << 8 | UInt32(rank)
        let headerSize = 4 + 4 * rank

        let magicBytes = try reader.read(count: 4)
        guard magicBytes.count == 4 else { throw .truncated(path: path, expected: headerSize, found: magicBytes.count) }
        let magic = IDXFile.bigEndianWord(magicBytes, at: 0)
        guard magic == expectedMagic else { throw .badMagic(path: path, found: magic, expected: expectedMagic) }

        let sizes = try reader.read(count: 4 * rank)
        guard sizes.count == 4 * rank else { throw .truncated(path: path, expected: headerSize, found: 4 + sizes.count) }
        var dimensions: [Int] = []
        var valueCount = 1
        for index in 0..<rank {
            let size = Int(IDXFile.bigEndianWord(sizes, at: 4 * index))
            let (product, overflow) = valueCount.multipliedReportingOverflow(by: size)
            guard !overflow, product <= Int(UInt32.max) else {
                throw .inconsistent(path: path, reason: "its dimensions \(dimensions + [size]) are too large")
            }
            dimensions.append(size)
            valueCount = product
        }

        // Straight into an array of the promised size: no second copy of 47 MB of pixels.
        let values = try reader.read(count: valueCount)
        let expected = headerSize + valueCount
        guard values.count == valueCount else { throw .truncated(path: path, expected: expected, found: headerSize + values.count) }
        let extra = try reader.skipToEnd()
        guard extra == 0 else { throw .extraBytes(path: path, expected: expected, found: expected + extra) }
        self.dimensions = dimensions
        self.values = values
    }

    private static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}

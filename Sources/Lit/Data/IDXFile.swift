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
    static let unsignedByte: UInt32 = 0x08

    /// Reads the file at `path`, which must hold unsigned bytes in `rank` dimensions
    /// (magic 0x0801 for labels, 0x0803 for images) and exactly as many values as its
    /// dimensions promise.
    public init(contentsOfGzip path: String, rank: Int) throws(DataError) {
        try self.init(decoding: try Gzip.contents(ofFile: path), rank: rank, path: path)
    }

    /// Parses decompressed IDX bytes; `path` only names the source in errors.
    init(decoding bytes: [UInt8], rank: Int, path: String) throws(DataError) {
        let expectedMagic = IDXFile.unsignedByte << 8 | UInt32(rank)
        let headerSize = 4 + 4 * rank
        guard bytes.count >= 4 else { throw .truncated(path: path, expected: headerSize, found: bytes.count) }
        let magic = IDXFile.bigEndianWord(bytes, at: 0)
        guard magic == expectedMagic else { throw .badMagic(path: path, found: magic, expected: expectedMagic) }
        guard bytes.count >= headerSize else { throw .truncated(path: path, expected: headerSize, found: bytes.count) }

        var dimensions: [Int] = []
        var valueCount = 1
        for index in 0..<rank {
            let size = Int(IDXFile.bigEndianWord(bytes, at: 4 + 4 * index))
            let (product, overflow) = valueCount.multipliedReportingOverflow(by: size)
            guard !overflow, product <= Int(UInt32.max) else {
                throw .inconsistent(path: path, reason: "its dimensions \(dimensions + [size]) are too large")
            }
            dimensions.append(size)
            valueCount = product
        }
        let expected = headerSize + valueCount
        guard bytes.count >= expected else { throw .truncated(path: path, expected: expected, found: bytes.count) }
        guard bytes.count == expected else { throw .extraBytes(path: path, expected: expected, found: bytes.count) }
        self.dimensions = dimensions
        self.values = Array(bytes[headerSize...])
    }

    private static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}

/// Decodes what `SnapshotWriter` encodes, in the same order. Every read checks the bytes
/// left first, and a length is checked against them before anything is allocated, so a
/// corrupt length cannot ask for gigabytes: malformed input throws `SnapshotError`.
public struct SnapshotReader {
    private let bytes: [UInt8]
    private var position: Int
    /// Where the bytes to read end.
    private let end: Int
    /// The objects read so far, by id; nil while an object's body is being read.
    private var objects: [AnyObject?] = []

    public init(_ bytes: [UInt8]) {
        self.init(bytes, range: bytes.indices)
    }

    /// Reads `bytes[range]` only, such as a payload inside its envelope.
    public init(_ bytes: [UInt8], range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "a range outside the bytes")
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    /// The bytes not read yet.
    public var remainingCount: Int { end - position }

    /// Throws unless every byte has been read: trailing bytes mean a misread.
    public func expectEnd() throws(SnapshotError) {
        guard remainingCount == 0 else { throw .corrupt("unread bytes at the end (\(remainingCount))") }
    }

    public mutating func readUInt64() throws(SnapshotError) -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 70, by: 7) {
            let byte = try readByte()
            // The tenth byte holds the 64th bit alone.
            guard shift < 63 || byte <= 1 else { throw .corrupt("an integer longer than 64 bits") }
            value |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte & 0x80 == 0 { return value }
        }
        throw .corrupt("an integer longer than 64 bits")
    }

    public mutating func readInt() throws(SnapshotError) -> Int {
        let zigzag = try readUInt64()
        let wide = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
        guard let value = Int(exactly: wide) else { throw .corrupt("an integer out of range") }
        return value
    }

    /// A count of things that each take at least `bytesEach` bytes: more than the bytes
    /// left can hold is corrupt, whatever the count says.
    public mutating func readCount(bytesEach: Int = 1) throws(SnapshotError) -> Int {
        let count = try readUInt64()
        guard count <= UInt64(remainingCount / max(bytesEach, 1)) else { throw .truncated }
        return Int(count)
    }

    public mutating func readBool() throws(SnapshotError) -> Bool {
        switch try readByte() {
        case 0: false
        case 1: true
        case let byte: throw .corrupt("\(byte) is not a Boolean")
        }
    }

    public mutating func readDouble() throws(SnapshotError) -> Double {
        Double(bitPattern: try readFixed(UInt64.self))
    }

    public mutating func readFloat() throws(SnapshotError) -> Float {
        Float(bitPattern: try readFixed(UInt32.self))
    }

    public mutating func readString() throws(SnapshotError) -> String {
        let count = try readCount()
        defer { position += count }
        guard let text = String(validating: bytes[position..<position + count], as: UTF8.self) else {
            throw .corrupt("a string that is not UTF-8")
        }
        return text
    }

    /// What `write(bytes:)` wrote.
    public mutating func readBytes() throws(SnapshotError) -> [UInt8] {
        let count = try readCount()
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    public mutating func readFloats() throws(SnapshotError) -> [Float] {
        let count = try readCount(bytesEach: MemoryLayout<Float>.size)
        var values = [Float](repeating: 0, count: count)
        try values.withUnsafeMutableBufferPointer { (buffer) throws(SnapshotError) in try readFloatValues(into: buffer) }
        return values
    }

    /// Fills `buffer` with the next `buffer.count` values, written by `write(floats:)`
    /// after its count (which the caller has read), in one copy.
    public mutating func readFloatValues(into buffer: UnsafeMutableBufferPointer<Float>) throws(SnapshotError) {
        let byteCount = buffer.count * MemoryLayout<Float>.size
        guard byteCount <= remainingCount else { throw .truncated }
        #if _endian(big)
        for index in buffer.indices { buffer[index] = try readFloat() }
        #else
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[position..<position + byteCount]))
        }
        position += byteCount
        #endif
    }

    public mutating func readOptional<T>(_ body: (inout SnapshotReader) throws -> T) throws -> T? {
        try readBool() ? body(&self) : nil
    }

    /// An object written by `writeReference`: read by `body` the first time, the same
    /// instance for every back-reference. A back-reference to an object of another type,
    /// to one not read yet or to one still being read is corrupt.
    public mutating func readReference<T: AnyObject>(_ type: T.Type = T.self,
                                                     _ body: (inout SnapshotReader) throws -> T) throws -> T {
        guard let tag = ReferenceTag(rawValue: try readByte()) else { throw SnapshotError.corrupt("a bad object tag") }
        switch tag {
        case .newObject:
            let id = objects.count
            objects.append(nil)
            let object = try body(&self)
            objects[id] = object
            return object
        case .backReference:
            let id = try readUInt64()
            guard id < UInt64(objects.count), let object = objects[Int(id)] else {
                throw SnapshotError.corrupt("a reference to an object not read before")
            }
            guard let typed = object as? T else {
                throw SnapshotError.corrupt("a reference to a \(Swift.type(of: object)) where a \(T.self) belongs")
            }
            return typed
        }
    }

    private mutating func readByte() throws(SnapshotError) -> UInt8 {
        guard position < end else { throw .truncated }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func readFixed<Word: FixedWidthInteger>(_: Word.Type) throws(SnapshotError) -> Word {
        let size = MemoryLayout<Word>.size
        guard size <= remainingCount else { throw .truncated }
        var word = Word.zero
        for index in 0..<size { word |= Word(bytes[position + index]) << (8 * index) }
        position += size
        return word
    }
}

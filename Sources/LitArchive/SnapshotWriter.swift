/// Encodes values into the snapshot format: little-endian, integers as LEB128 varints
/// (zigzag for signed ones), floating-point numbers as their exact bit patterns, strings
/// and arrays prefixed by their length.
///
/// Class instances go through `writeReference`: the first time an object is written its
/// body follows a fresh id; every later time only a back-reference to that id is written,
/// so that the reader hands back one instance for both, as an optimizer and its model
/// must share parameter tensors.
public struct SnapshotWriter {
    /// The encoded bytes so far.
    public private(set) var bytes: [UInt8] = []
    /// The id of every object written so far. The objects are kept alive until the writer
    /// is dropped, so that no identifier is reused by a new object meanwhile.
    private var ids: [ObjectIdentifier: Int] = [:]
    private var written: [AnyObject] = []
    /// Objects whose body is being written: meeting one again is a cycle.
    private var inProgress: Set<ObjectIdentifier> = []

    public init() {}

    public mutating func write(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Zigzag-encoded, so that small negative numbers stay short.
    public mutating func write(_ value: Int) {
        let wide = Int64(value)
        write(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    public mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// The exact bit pattern: NaN payloads and -0.0 survive.
    public mutating func write(_ value: Double) {
        appendFixed(value.bitPattern)
    }

    public mutating func write(_ value: Float) {
        appendFixed(value.bitPattern)
    }

    public mutating func write(_ value: String) {
        write(bytes: Array(value.utf8))
    }

    /// The count, then the bytes as they are.
    public mutating func write(bytes data: [UInt8]) {
        write(UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    public mutating func write(_ values: [Float]) {
        values.withUnsafeBufferPointer { write(floats: $0) }
    }

    /// The count, then the values' bytes in one copy.
    public mutating func write(floats values: UnsafeBufferPointer<Float>) {
        write(UInt64(values.count))
        #if _endian(big)
        for value in values { appendFixed(value.bitPattern) }
        #else
        bytes.append(contentsOf: UnsafeRawBufferPointer(values))
        #endif
    }

    /// A present flag, then `value`'s encoding when there is one.
    public mutating func writeOptional<T>(_ value: T?, _ body: (inout SnapshotWriter, T) throws -> Void) rethrows {
        write(value != nil)
        if let value { try body(&self, value) }
    }

    /// `object` once: its body (written by `body`) the first time, a back-reference after.
    /// Throws `.unsupported` for an object that contains itself.
    public mutating func writeReference<T: AnyObject>(_ object: T, _ body: (inout SnapshotWriter, T) throws -> Void) throws {
        let identifier = ObjectIdentifier(object)
        if let id = ids[identifier] {
            guard !inProgress.contains(identifier) else { throw SnapshotError.unsupported("an object that contains itself") }
            bytes.append(ReferenceTag.backReference.rawValue)
            write(UInt64(id))
            return
        }
        let id = written.count
        ids[identifier] = id
        written.append(object)
        bytes.append(ReferenceTag.newObject.rawValue)
        inProgress.insert(identifier)
        defer { inProgress.remove(identifier) }
        try body(&self, object)
    }

    private mutating func appendFixed<Word: FixedWidthInteger>(_ word: Word) {
        withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// The byte before an object: its body follows, or the id of one already read.
enum ReferenceTag: UInt8 {
    case newObject = 1
    case backReference = 2
}

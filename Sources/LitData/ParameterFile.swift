import LitArchive
import LitTensor

/// The file `save` writes and `load` reads: one tensor, an array of tensors, or tensors
/// by name (a state dict), as PyTorch's `torch.save` keeps them.
///
/// Layout: the snapshot envelope (LitArchive's `SnapshotFile`: magic bytes, this format's
/// version, the key `litrun parameters`, the payload's length, a CRC-32 of everything),
/// around a payload in the snapshot encoding: the kind (1 a tensor, 2 an array, 3 named
/// tensors); for an array or named tensors the count; then each tensor, after its name
/// for named tensors, as its rank, its sizes and its values (a count, then little-endian
/// Float32). A truncated, corrupt or foreign file is an error, never a crash, and no
/// length in it is believed before the bytes left can hold it.
public enum ParameterFile {
    /// What a file holds.
    public enum Contents {
        case tensor(Tensor)
        case array([Tensor])
        /// In order, as a state dict keeps its keys.
        case named([(name: String, tensor: Tensor)])
    }

    /// Raised whenever the payload's layout changes; independent of the snapshot format's.
    public static let formatVersion: UInt32 = 1
    /// Tells a parameter file from a snapshot, which shares its envelope.
    static let key = "litrun parameters"
    /// The largest file `save` writes and `load` reads: 64 M Float32 values, more than the
    /// course's models hold.
    public static let maximumBytes = 256 << 20

    private enum Kind: UInt64 {
        case tensor = 1, array, named
    }

    /// The file's bytes; `name` is the file's, for the error when it would be too large.
    public static func encode(_ contents: Contents, name: String) throws(ParameterFileError) -> [UInt8] {
        let tensors: [Tensor] = switch contents {
        case .tensor(let tensor): [tensor]
        case .array(let tensors): tensors
        case .named(let entries): entries.map(\.tensor)
        }
        // Counted before encoding, so that nothing too large is ever built.
        let valueBytes = tensors.reduce(0) { $0 + $1.count * MemoryLayout<Float>.size }
        guard valueBytes <= maximumBytes else { throw .tooLarge(name: name, bytes: valueBytes, limit: maximumBytes) }
        var writer = SnapshotWriter()
        switch contents {
        case .tensor(let tensor):
            writer.write(Kind.tensor.rawValue)
            write(tensor, to: &writer)
        case .array(let tensors):
            writer.write(Kind.array.rawValue)
            writer.write(UInt64(tensors.count))
            for tensor in tensors { write(tensor, to: &writer) }
        case .named(let entries):
            writer.write(Kind.named.rawValue)
            writer.write(UInt64(entries.count))
            for (entryName, tensor) in entries {
                writer.write(entryName)
                write(tensor, to: &writer)
            }
        }
        let file = SnapshotFile.seal(writer.bytes, key: key, version: formatVersion)
        guard file.count <= maximumBytes else { throw .tooLarge(name: name, bytes: file.count, limit: maximumBytes) }
        return file
    }

    /// What `file` holds, as fresh tensors that share nothing with anything else; `name`
    /// is the file's, for errors.
    public static func decode(_ file: [UInt8], name: String) throws(ParameterFileError) -> Contents {
        do throws(SnapshotError) {
            var reader = SnapshotReader(file, range: try SnapshotFile.payloadRange(of: file, key: key, version: formatVersion))
            let contents: Contents
            switch Kind(rawValue: try reader.readUInt64()) {
            case .tensor:
                contents = .tensor(try readTensor(from: &reader))
            case .array:
                contents = .array(try (0..<(try reader.readCount(bytesEach: 2))).map { _ throws(SnapshotError) in
                    try readTensor(from: &reader)
                })
            case .named:
                var entries: [(name: String, tensor: Tensor)] = []
                var names = Set<String>()
                for _ in 0..<(try reader.readCount(bytesEach: 3)) {
                    let entryName = try reader.readString()
                    guard names.insert(entryName).inserted else { throw SnapshotError.corrupt("the name \"\(entryName)\" twice") }
                    entries.append((entryName, try readTensor(from: &reader)))
                }
                contents = .named(entries)
            case nil:
                throw SnapshotError.corrupt("an unknown kind of value")
            }
            try reader.expectEnd()
            return contents
        } catch {
            throw ParameterFileError(error, name: name)
        }
    }

    private static func write(_ tensor: Tensor, to writer: inout SnapshotWriter) {
        writer.write(UInt64(tensor.rank))
        for size in tensor.shape { writer.write(UInt64(size)) }
        tensor.withUnsafeBufferPointer { writer.write(floats: $0) }
    }

    /// A tensor whose sizes agree with its value count, checked before its values are allocated.
    private static func readTensor(from reader: inout SnapshotReader) throws(SnapshotError) -> Tensor {
        var shape: [Int] = []
        for _ in 0..<(try reader.readCount()) {
            let size = try reader.readUInt64()
            guard size <= UInt64(Tensor.maximumElementCount) else { throw .corrupt("a size of \(size)") }
            shape.append(Int(size))
        }
        guard !Tensor.exceedsSizeLimit(shape) else { throw .corrupt("a tensor of shape \(shape)") }
        let count = try reader.readCount(bytesEach: MemoryLayout<Float>.size)
        guard count == shape.reduce(1, *) else { throw .corrupt("\(count) values for shape \(shape)") }
        let tensor = Tensor(uninitializedShape: shape)
        try tensor.withUnsafeMutableBufferPointer { (values) throws(SnapshotError) in try reader.readFloatValues(into: values) }
        return tensor
    }
}

import LitArchive

/// How a library saves and restores the native objects that cells hold (tensors, layers,
/// optimizers, loaders) inside an interpreter snapshot.
///
/// Every native object goes through the snapshot writer's `writeReference`, so one
/// object reached twice (a tensor in a model and in a global) is written once and read
/// back as one object.
public protocol NativeArchiver {
    /// The cell values `object` holds, such as the cell-class layers inside a library
    /// `Sequential`; the snapshot walks into them to find every object it must hold.
    func heldValues(of object: ScriptObject) -> [Value]
    /// Writes `object`'s body (its reference tag is already written); values it holds go
    /// through `values.write(_:to:)`.
    func write(_ object: ScriptObject, to writer: inout SnapshotWriter, values: InterpreterArchive.ValueWriter) throws
    /// Reads what `write` wrote.
    func read(from reader: inout SnapshotReader, values: InterpreterArchive.ValueReader) throws -> ScriptObject
}

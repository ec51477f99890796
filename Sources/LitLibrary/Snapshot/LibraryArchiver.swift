import LitArchive
import LitData
import LitLanguage
import LitNN
import LitTensor

/// Saves and restores the library's objects inside an interpreter snapshot: tensors with
/// their values and shared buffers, layers with their parameters, buffers and modes,
/// optimizers with their state, and data loaders by how they were made.
///
/// Every object a value reaches goes through `values`, so one tensor held by a layer and
/// by its optimizer is written once and comes back as one tensor.
package struct LibraryArchiver: NativeArchiver {
    /// Where a restored data loader reads its data set again.
    let dataDirectory: String
    /// Raised when a backward pass reaches a gradient graph the snapshot did not keep.
    let missingGraph: MissingGraphSignal
    /// The chapter's generator, which a restored dropout layer draws its masks from.
    let nextRandom: () -> UInt64

    package init(dataDirectory: String, missingGraph: MissingGraphSignal, nextRandom: @escaping () -> UInt64) {
        self.dataDirectory = dataDirectory
        self.missingGraph = missingGraph
        self.nextRandom = nextRandom
    }

    /// What an object's body starts with.
    enum Kind: UInt64 {
        case tensor = 1, linear, conv2d, batchNorm1d, batchNorm2d, maxPool2d, avgPool2d, globalAvgPool2d
        case sigmoid, relu, flatten, sequential, sgd, adam, dataLoader
        case tanh, dropout, tensorLoader
    }

    package func heldValues(of object: ScriptObject) -> [Value] {
        guard let sequential = object as? Sequential else { return [] }
        return sequential.layers.map { ModuleScripting.value(of: $0.module) }
    }

    package func write(_ object: ScriptObject, to writer: inout SnapshotWriter, values: InterpreterArchive.ValueWriter) throws {
        switch object {
        case let tensor as Tensor: try write(tensor, to: &writer, values: values)
        case let module as Module: try write(module, to: &writer, values: values)
        case let optimizer as Optimizer: try write(optimizer, to: &writer, values: values)
        case let loader as DataLoader: try write(loader, to: &writer)
        case let loader as TensorLoader: try write(loader, to: &writer, values: values)
        default: throw SnapshotError.unsupported("a value of type \(object.scriptType.name)")
        }
    }

    package func read(from reader: inout SnapshotReader, values: InterpreterArchive.ValueReader) throws -> ScriptObject {
        guard let kind = Kind(rawValue: try reader.readUInt64()) else { throw SnapshotError.corrupt("an unknown library object") }
        switch kind {
        case .tensor: return try readTensor(from: &reader, values: values)
        case .sgd, .adam: return try readOptimizer(kind, from: &reader, values: values)
        case .dataLoader: return try readLoader(from: &reader)
        case .tensorLoader: return try readTensorLoader(from: &reader, values: values)
        default: return try readModule(kind, from: &reader, values: values)
        }
    }

    // MARK: - Tensors

    /// Where a tensor stands in a gradient graph. The graph itself (closures over saved
    /// tensors) is not saved: a released node behaves exactly as before, and a live one
    /// raises `missingGraph` if a backward pass ever reaches it, so that the runner can
    /// start again from the beginning rather than compute something else.
    private enum GraphState: UInt64 {
        case leaf = 0, released, live
    }

    /// Shape, `requiresGrad`, its place in a graph, the shared buffer (written once however
    /// many views share it) with this tensor's place in it, and the gradient.
    private func write(_ tensor: Tensor, to writer: inout SnapshotWriter, values: InterpreterArchive.ValueWriter) throws {
        writer.write(Kind.tensor.rawValue)
        writer.write(UInt64(tensor.shape.count))
        for size in tensor.shape { writer.write(size) }
        writer.write(tensor.requiresGrad)
        let node = tensor.gradientNode
        writer.write((node == nil ? GraphState.leaf : node!.isReleased ? .released : .live).rawValue)
        if let node { writer.write(node.operation) }
        try writer.writeReference(tensor.sharedStorage) { writer, _ in
            tensor.wholeStorage.withUnsafeBufferPointer { writer.write(floats: $0) }
        }
        writer.write(tensor.storageOffset)
        try writeOptionalTensor(tensor.grad, to: &writer, values: values)
    }

    private func readTensor(from reader: inout SnapshotReader, values: InterpreterArchive.ValueReader) throws -> Tensor {
        let rank = try reader.readCount()
        let shape = try (0..<rank).map { _ in try reader.readInt() }
        let requiresGrad = try reader.readBool()
        guard let graph = GraphState(rawValue: try reader.readUInt64()) else { throw SnapshotError.corrupt("a tensor's graph state") }
        let operation = graph == .leaf ? nil : try reader.readString()
        let whole = try reader.readReference(Tensor.self) { reader in
            let count = try reader.readCount(bytesEach: MemoryLayout<Float>.size)
            let buffer = Tensor(uninitializedShape: [count])
            try buffer.withUnsafeMutableBufferPointer { (floats) throws(SnapshotError) in try reader.readFloatValues(into: floats) }
            return buffer
        }
        let offset = try reader.readInt()
        guard let tensor = Tensor.restoredView(of: whole, shape: shape, startingAt: offset, requiresGrad: requiresGrad) else {
            throw SnapshotError.corrupt("a tensor of shape \(shape) past the end of its values")
        }
        tensor.grad = try readOptionalTensor(shape: shape, from: &reader, values: values)
        if let operation {
            let signal = missingGraph
            let node = GradientNode(operation: operation, inputs: []) { _ throws(TensorError) in
                signal.raise()
                throw .graphNotInSnapshot
            }
            if graph == .released { node.release() }
            tensor.gradientNode = node
        }
        return tensor
    }

    /// The tensor a value read back must be, of `shape` when one is given.
    func readTensor(_ value: Value, shape: [Int]? = nil) throws -> Tensor {
        guard case .native(let tensor as Tensor) = value else { throw SnapshotError.corrupt("a \(value.typeName) where a tensor belongs") }
        if let shape, tensor.shape != shape {
            throw SnapshotError.corrupt("a tensor of shape \(tensor.shape) where one of shape \(shape) belongs")
        }
        return tensor
    }

    func writeTensor(_ tensor: Tensor, to writer: inout SnapshotWriter, values: InterpreterArchive.ValueWriter) throws {
        try values.write(.native(tensor), to: &writer)
    }

    func writeOptionalTensor(_ tensor: Tensor?, to writer: inout SnapshotWriter, values: InterpreterArchive.ValueWriter) throws {
        try writer.writeOptional(tensor) { writer, tensor in try values.write(.native(tensor), to: &writer) }
    }

    func readOptionalTensor(shape: [Int], from reader: inout SnapshotReader, values: InterpreterArchive.ValueReader) throws -> Tensor? {
        try reader.readOptional { reader in try readTensor(values.read(from: &reader), shape: shape) }
    }

    func readTensor(shape: [Int], from reader: inout SnapshotReader, values: InterpreterArchive.ValueReader) throws -> Tensor {
        try readTensor(values.read(from: &reader), shape: shape)
    }

}

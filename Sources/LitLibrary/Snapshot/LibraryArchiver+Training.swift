import LitArchive
import LitData
import LitLanguage
import LitNN
import LitTensor

/// Optimizers with their state, tied to the very tensors of the model they train, and
/// data loaders by recipe: the data set's name, settings and how many passes started,
/// so that a restored loader shuffles its next pass as the original would have.
extension LibraryArchiver {
    func write(_ optimizer: Optimizer, to writer: inout SnapshotWriter, values: InterpreterArchive.ValueWriter) throws {
        switch optimizer {
        case let sgd as SGD:
            writer.write(Kind.sgd.rawValue)
            try writeCommon(optimizer, to: &writer, values: values)
            writer.write(sgd.momentum)
            writer.write(sgd.weightDecay)
            for velocity in sgd.velocities { try writeOptionalTensor(velocity, to: &writer, values: values) }
        case let adam as Adam:
            writer.write(Kind.adam.rawValue)
            try writeCommon(optimizer, to: &writer, values: values)
            for setting in [adam.beta1, adam.beta2, adam.eps] { writer.write(setting) }
            for state in adam.states {
                try writer.writeOptional(state) { writer, state in
                    try writeTensor(state.firstMoment, to: &writer, values: values)
                    try writeTensor(state.secondMoment, to: &writer, values: values)
                    writer.write(state.steps)
                }
            }
        default: throw SnapshotError.unsupported("a \(optimizer.description) optimizer")
        }
    }

    private func writeCommon(_ optimizer: Optimizer, to writer: inout SnapshotWriter, values: InterpreterArchive.ValueWriter) throws {
        writer.write(optimizer.learningRate)
        writer.write(UInt64(optimizer.parameters.count))
        for parameter in optimizer.parameters { try values.write(.native(parameter), to: &writer) }
    }

    func readOptimizer(_ kind: Kind, from reader: inout SnapshotReader, values: InterpreterArchive.ValueReader) throws -> Optimizer {
        let learningRate = try reader.readDouble()
        let count = try reader.readCount()
        let parameters = try (0..<count).map { _ in try readTensor(values.read(from: &reader)) }
        if kind == .sgd {
            let sgd = SGD(parameters, learningRate: learningRate, momentum: try reader.readDouble(), weightDecay: try reader.readDouble())
            sgd.velocities = try parameters.map { try readOptionalTensor(shape: $0.shape, from: &reader, values: values) }
            return sgd
        }
        let adam = Adam(parameters, learningRate: learningRate, beta1: try reader.readDouble(), beta2: try reader.readDouble(),
                        eps: try reader.readDouble())
        adam.states = try parameters.map { parameter in
            try reader.readOptional { reader in
                (firstMoment: try readTensor(shape: parameter.shape, from: &reader, values: values),
                 secondMoment: try readTensor(shape: parameter.shape, from: &reader, values: values),
                 steps: try reader.readInt())
            }
        }
        return adam
    }

    func write(_ loader: DataLoader, to writer: inout SnapshotWriter) throws {
        guard [FashionMNIST.trainName, FashionMNIST.testName].contains(loader.source.name) else {
            throw SnapshotError.unsupported("a data loader over images that are not a data set's files")
        }
        writer.write(Kind.dataLoader.rawValue)
        writer.write(loader.source.name)
        writer.write(loader.batchSize)
        let resized = loader.imageHeight != loader.source.height || loader.imageWidth != loader.source.width
        writer.writeOptional(resized ? loader.imageHeight : nil) { $0.write($1) }
        writer.write(loader.isShuffled)
        writer.write(loader.seed)
        writer.writeOptional(loader.sampledFrom == nil ? nil : loader.imageCount) { $0.write($1) }
        writer.write(loader.epochsStarted)
    }

    func readLoader(from reader: inout SnapshotReader) throws -> DataLoader {
        let name = try reader.readString()
        let batchSize = try reader.readInt()
        let resize = try reader.readOptional { try $0.readInt() }
        let shuffle = try reader.readBool()
        let seed = try reader.readUInt64()
        let sampleSize = try reader.readOptional { try $0.readInt() }
        let epochsStarted = try reader.readInt()
        guard batchSize >= 1, (resize ?? 1) >= 1, (resize ?? 1) <= ChapterSession.maximumImageSide, (sampleSize ?? 0) >= 0,
              epochsStarted >= 0 else {
            throw SnapshotError.corrupt("a data loader's settings")
        }
        let data: FashionMNIST
        do {
            data = try FashionMNIST.load(from: dataDirectory)
        } catch {
            throw SnapshotError.unsupported("a data loader whose data set cannot be read again: \(error.description)")
        }
        let source: ImageSet
        switch name {
        case FashionMNIST.trainName: source = data.train
        case FashionMNIST.testName: source = data.test
        default: throw SnapshotError.corrupt("a data loader over an unknown data set '\(name)'")
        }
        let loader = DataLoader(source, batchSize: batchSize, resize: resize, shuffle: shuffle, seed: seed, sampleSize: sampleSize)
        loader.epochsStarted = epochsStarted
        return loader
    }

    /// A loader over tensors: the tensors themselves (shared with the cells that hold
    /// them), its settings and how many passes it started.
    func write(_ loader: TensorLoader, to writer: inout SnapshotWriter, values: InterpreterArchive.ValueWriter) throws {
        writer.write(Kind.tensorLoader.rawValue)
        try writeTensor(loader.features, to: &writer, values: values)
        try writeTensor(loader.labels, to: &writer, values: values)
        writer.write(loader.batchSize)
        writer.write(loader.isShuffled)
        writer.write(loader.seed)
        writer.write(loader.epochsStarted)
    }

    func readTensorLoader(from reader: inout SnapshotReader, values: InterpreterArchive.ValueReader) throws -> TensorLoader {
        let features = try readTensor(values.read(from: &reader)), labels = try readTensor(values.read(from: &reader))
        let batchSize = try reader.readInt(), shuffle = try reader.readBool(), seed = try reader.readUInt64()
        let epochsStarted = try reader.readInt()
        guard features.rank >= 1, labels.rank >= 1, features.shape[0] == labels.shape[0], batchSize >= 1, epochsStarted >= 0 else {
            throw SnapshotError.corrupt("a data loader's settings")
        }
        let loader = TensorLoader(features: features, labels: labels, batchSize: batchSize, shuffle: shuffle, seed: seed)
        loader.epochsStarted = epochsStarted
        return loader
    }
}

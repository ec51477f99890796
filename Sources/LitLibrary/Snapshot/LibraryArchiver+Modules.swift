import LitArchive
import LitLanguage
import LitNN
import LitTensor

/// Layers: their kind, settings, tensors and training flag. A `Sequential`'s children
/// are values, so a cell-class layer inside one is its cell object.
extension LibraryArchiver {
    func write(_ module: Module, to writer: inout SnapshotWriter, values: InterpreterArchive.ValueWriter) throws {
        switch module {
        case let linear as Linear:
            writer.write(Kind.linear.rawValue)
            writer.write(linear.inFeatures)
            writer.write(linear.outFeatures)
            try writeTensor(linear.weight, to: &writer, values: values)
            try writeOptionalTensor(linear.bias, to: &writer, values: values)
        case let conv as Conv2d:
            writer.write(Kind.conv2d.rawValue)
            for setting in [conv.inChannels, conv.outChannels, conv.kernelSize, conv.stride, conv.padding] { writer.write(setting) }
            try writeTensor(conv.weight, to: &writer, values: values)
            try writeOptionalTensor(conv.bias, to: &writer, values: values)
        case let norm as BatchNormalization:
            writer.write((norm is BatchNorm1d ? Kind.batchNorm1d : Kind.batchNorm2d).rawValue)
            writer.write(norm.features)
            writer.write(norm.eps)
            writer.write(norm.momentum)
            for tensor in [norm.weight, norm.bias, norm.runningMean, norm.runningVar] {
                try writeTensor(tensor, to: &writer, values: values)
            }
        case let pooling as Pooling2d:
            writer.write((pooling is MaxPool2d ? Kind.maxPool2d : Kind.avgPool2d).rawValue)
            for setting in [pooling.kernelSize, pooling.stride, pooling.padding] { writer.write(setting) }
        case let sequential as Sequential:
            writer.write(Kind.sequential.rawValue)
            writer.write(UInt64(sequential.layers.count))
            for layer in sequential.layers {
                writer.write(layer.name)
                try values.write(ModuleScripting.value(of: layer.module), to: &writer)
            }
        case is GlobalAvgPool2d: writer.write(Kind.globalAvgPool2d.rawValue)
        case is Sigmoid: writer.write(Kind.sigmoid.rawValue)
        case is ReLU: writer.write(Kind.relu.rawValue)
        case is Tanh: writer.write(Kind.tanh.rawValue)
        case let dropout as Dropout:
            writer.write(Kind.dropout.rawValue)
            writer.write(dropout.probability)
        case is Flatten: writer.write(Kind.flatten.rawValue)
        default: throw SnapshotError.unsupported("a \(module.typeName) layer")
        }
        writer.write(module.isTraining)
    }

    func readModule(_ kind: Kind, from reader: inout SnapshotReader, values: InterpreterArchive.ValueReader) throws -> Module {
        let module: Module
        switch kind {
        case .linear:
            let (inFeatures, outFeatures) = (try reader.readInt(), try reader.readInt())
            module = Linear(inFeatures: inFeatures, outFeatures: outFeatures,
                            weight: try readTensor(shape: [outFeatures, inFeatures], from: &reader, values: values),
                            bias: try readOptionalTensor(shape: [outFeatures], from: &reader, values: values))
        case .conv2d:
            let settings = try (0..<5).map { _ in try reader.readInt() }
            let (inChannels, outChannels, kernelSize) = (settings[0], settings[1], settings[2])
            guard settings.allSatisfy({ $0 >= 0 }), kernelSize > 0, settings[3] > 0 else {
                throw SnapshotError.corrupt("a convolution's settings \(settings)")
            }
            module = Conv2d(inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize, stride: settings[3],
                            padding: settings[4],
                            weight: try readTensor(shape: [outChannels, inChannels, kernelSize, kernelSize], from: &reader, values: values),
                            bias: try readOptionalTensor(shape: [outChannels], from: &reader, values: values))
        case .batchNorm1d, .batchNorm2d:
            let features = try reader.readInt()
            let (eps, momentum) = (try reader.readFloat(), try reader.readFloat())
            let tensors = try (0..<4).map { _ in try readTensor(shape: [features], from: &reader, values: values) }
            let restored = (tensors[0], tensors[1], tensors[2], tensors[3])
            module = kind == .batchNorm1d ? BatchNorm1d(features, eps: eps, momentum: momentum, restoring: restored)
                                          : BatchNorm2d(features, eps: eps, momentum: momentum, restoring: restored)
        case .maxPool2d, .avgPool2d:
            let (kernelSize, stride, padding) = (try reader.readInt(), try reader.readInt(), try reader.readInt())
            guard kernelSize > 0, stride > 0, (0...kernelSize / 2).contains(padding) else {
                throw SnapshotError.corrupt("a pooling layer's settings")
            }
            module = kind == .maxPool2d ? MaxPool2d(kernelSize: kernelSize, stride: stride, padding: padding)
                                        : AvgPool2d(kernelSize: kernelSize, stride: stride, padding: padding)
        case .sequential:
            let count = try reader.readCount()
            var layers: [(name: String, module: Module)] = []
            for _ in 0..<count {
                let name = try reader.readString()
                let value = try values.read(from: &reader)
                guard let child = ModuleScripting.module(from: value) else {
                    throw SnapshotError.corrupt("a \(value.typeName) where a layer belongs")
                }
                layers.append((name, child))
            }
            module = Sequential(namedLayers: layers)
        case .globalAvgPool2d: module = GlobalAvgPool2d()
        case .sigmoid: module = Sigmoid()
        case .relu: module = ReLU()
        case .tanh: module = Tanh()
        case .dropout:
            let probability = try reader.readFloat()
            guard (0...1).contains(probability) else { throw SnapshotError.corrupt("a dropout probability of \(probability)") }
            module = Dropout(probability, random: nextRandom)
        case .flatten: module = Flatten()
        case .tensor, .sgd, .adam, .dataLoader: throw SnapshotError.corrupt("a \(kind) where a layer belongs")
        }
        module.isTraining = try reader.readBool()
        return module
    }
}

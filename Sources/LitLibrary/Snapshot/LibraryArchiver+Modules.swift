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
            for setting in [conv.inChannels, conv.outChannels] { writer.write(setting) }
            for pair in [conv.kernelSize, conv.stride, conv.padding] { write(pair, to: &writer) }
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
            for pair in [pooling.kernelSize, pooling.stride, pooling.padding] { write(pair, to: &writer) }
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
            let (inChannels, outChannels) = (try reader.readInt(), try reader.readInt())
            let (kernelSize, stride, padding) = (try readPair(&reader), try readPair(&reader), try readPair(&reader))
            guard inChannels > 0, outChannels > 0, [kernelSize, stride].allSatisfy({ $0.height > 0 && $0.width > 0 }),
                  padding.height >= 0, padding.width >= 0 else {
                throw SnapshotError.corrupt("a convolution's settings")
            }
            module = Conv2d(inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize, stride: stride, padding: padding,
                            weight: try readTensor(shape: [outChannels, inChannels, kernelSize.height, kernelSize.width],
                                                   from: &reader, values: values),
                            bias: try readOptionalTensor(shape: [outChannels], from: &reader, values: values))
        case .batchNorm1d, .batchNorm2d:
            let features = try reader.readInt()
            let (eps, momentum) = (try reader.readFloat(), try reader.readFloat())
            let tensors = try (0..<4).map { _ in try readTensor(shape: [features], from: &reader, values: values) }
            let restored = (tensors[0], tensors[1], tensors[2], tensors[3])
            module = kind == .batchNorm1d ? BatchNorm1d(features, eps: eps, momentum: momentum, restoring: restored)
                                          : BatchNorm2d(features, eps: eps, momentum: momentum, restoring: restored)
        case .maxPool2d, .avgPool2d:
            let (kernelSize, stride, padding) = (try readPair(&reader), try readPair(&reader), try readPair(&reader))
            guard [kernelSize, stride].allSatisfy({ $0.height > 0 && $0.width > 0 }),
                  (0...kernelSize.height / 2).contains(padding.height), (0...kernelSize.width / 2).contains(padding.width) else {
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
        case .tensor, .sgd, .adam, .dataLoader, .tensorLoader: throw SnapshotError.corrupt("a \(kind) where a layer belongs")
        }
        module.isTraining = try reader.readBool()
        return module
    }
}

/// A window's height and width, as two numbers.
extension LibraryArchiver {
    func write(_ pair: HeightWidth, to writer: inout SnapshotWriter) {
        writer.write(pair.height)
        writer.write(pair.width)
    }

    func readPair(_ reader: inout SnapshotReader) throws -> HeightWidth {
        HeightWidth(try reader.readInt(), try reader.readInt())
    }
}

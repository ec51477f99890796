import LitData
import LitLanguage
import LitTensor

/// The data functions every chapter sees: `loadFashionMNIST`, `fashionMNISTLabels` and
/// `DataLoader` over tensors.
extension ChapterSession {
    /// The largest `resize`: 1024×1024 is already far beyond what the course needs.
    package static let maximumImageSide = 1024
    /// The most Float values one batch may hold (1 GiB).
    package static let maximumBatchValues = 1 << 28

    package func installDataLibrary() {
        // `fashionMNISTLabels(y)`: the class names of a tensor (or array) of labels.
        interpreter.define("fashionMNISTLabels", signatures: [Signature("_")]) { (_, args) throws(LanguageError) in
            let labels: [Float]
            switch args.first?.value {
            case .native(let tensor as Tensor)?: labels = tensor.scalars
            case .array(let items)?: labels = try ScriptArguments.integers(items).map(Float.init)
            default: throw .here(.cannotConvert(from: args.first?.value.typeName ?? "nothing", to: "Tensor"))
            }
            var names: [Value] = []
            for label in labels {
                guard label >= 0, label < Float(FashionMNIST.labelNames.count), label.rounded() == label else {
                    throw .library(.notAFashionMNISTLabel(Double(label)))
                }
                names.append(.string(FashionMNIST.labelNames[Int(label)]))
            }
            return .array(names)
        }
        interpreter.define("loadFashionMNIST", signatures: [Signature("batchSize", "resize=")]) { [unowned self] (interpreter, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "loadFashionMNIST")
            let batchSize = try arguments.int("batchSize")
            let resize = arguments.value("resize") == nil ? nil : try arguments.int("resize")
            guard batchSize >= 1 else { throw .library(.batchSizeBelowOne(batchSize)) }
            if let resize, !(1...ChapterSession.maximumImageSide).contains(resize) {
                throw .library(.resizeOutOfRange(side: resize, maximum: ChapterSession.maximumImageSide))
            }
            let side = resize ?? FashionMNIST.imageSize
            let batchValues = batchSize.multipliedReportingOverflow(by: side * side)
            guard !batchValues.overflow, batchValues.partialValue <= ChapterSession.maximumBatchValues else {
                throw .library(.batchTooLarge(batchSize: batchSize, side: side))
            }
            let data = try libraryOperation { () throws(DataError) in
                try FashionMNIST.load(from: settings.dataDirectory)
            }
            let budget = settings.budget
            let train = DataLoader(data.train, batchSize: batchSize, resize: resize, shuffle: true, seed: interpreter.seed,
                                   sampleSize: budget?.trainingImages)
            let test = DataLoader(data.test, batchSize: batchSize, resize: resize, shuffle: false, seed: interpreter.seed,
                                  sampleSize: budget?.testImages)
            return .tuple([.native(train), .native(test)], labels: nil)
        }
        // `DataLoader(features, labels, batchSize: 10, shuffle: true)`: tensors in memory,
        // shuffled from a seed drawn from the chapter's generator, so that two loaders differ.
        interpreter.define("DataLoader", signatures: [Signature("_", "_", "batchSize", "shuffle=")]) { (interpreter, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "DataLoader")
            let (features, labels) = (try arguments.tensor(at: 0), try arguments.tensor(at: 1))
            let batchSize = try arguments.positiveInt("batchSize")
            guard features.rank >= 1, labels.rank >= 1, features.shape[0] == labels.shape[0] else {
                throw .library(.loaderShapes(features: features.shape, labels: labels.shape))
            }
            return .native(TensorLoader(features: features, labels: labels, batchSize: batchSize,
                                        shuffle: try arguments.bool("shuffle", default: false), seed: interpreter.random.next()))
        }
    }
}

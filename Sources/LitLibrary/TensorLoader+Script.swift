import LitData
import LitLanguage
import LitNN
import LitTensor

/// How cells see a loader over tensors: the same `DataLoader` as over a data set's images,
/// `for (X, y) in dataIter`, `.count` (batches per pass), `.batchSize`, `.exampleCount`.
extension TensorLoader: ScriptObject {
    public var scriptType: NativeType { TensorLoader.nativeType }

    package static let nativeType: NativeType = {
        let type = NativeType(name: "DataLoader") { ($0 as! TensorLoader).summary }
        type.property("count") { .int(($0 as! TensorLoader).batchCount) }
        type.property("batchSize") { .int(($0 as! TensorLoader).batchSize) }
        type.property("exampleCount") { .int(($0 as! TensorLoader).exampleCount) }
        type.makeIterator = { object throws(LanguageError) in
            let batches = (object as! TensorLoader).batches()
            return AnyIterator { batches.next().map { .tuple([.native($0.features), .native($0.labels)], labels: nil) } }
        }
        return type
    }()
}

/// `train` takes a loader over tensors as it takes one over images.
extension TensorLoader: BatchSource {
    public var imageCount: Int { exampleCount }

    public func epochBatches() -> AnyIterator<(images: Tensor, labels: Tensor)> {
        let batches = batches()
        return AnyIterator { batches.next().map { (images: $0.features, labels: $0.labels) } }
    }
}

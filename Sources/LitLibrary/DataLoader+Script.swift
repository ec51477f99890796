import LitData
import LitLanguage

/// How cells see a `DataLoader`: `for (X, y) in trainIter`, `.count` (batches per pass),
/// `.batchSize`, `.imageCount`, and a one-line description for `print`.
extension DataLoader: ScriptObject {
    public var scriptType: NativeType { DataLoader.nativeType }

    package static let nativeType: NativeType = {
        let type = NativeType(name: "DataLoader") { ($0 as! DataLoader).summary }
        type.property("count") { .int(($0 as! DataLoader).batchCount) }
        type.property("batchSize") { .int(($0 as! DataLoader).batchSize) }
        type.property("imageCount") { .int(($0 as! DataLoader).imageCount) }
        type.makeIterator = { object throws(LanguageError) in
            var batches = (object as! DataLoader).batches()
            return AnyIterator { batches.next().map { .tuple([.native($0.images), .native($0.labels)], labels: nil) } }
        }
        return type
    }()

    /// `DataLoader(60000 images, 28×28, batchSize: 16, shuffled)`; a sample reads
    /// `1000 of 60000 images`.
    public var summary: String {
        let images = sampledFrom.map { "\(imageCount) of \($0) images" } ?? "\(imageCount) images"
        return "DataLoader(\(images), \(imageHeight)×\(imageWidth), batchSize: \(batchSize), \(isShuffled ? "shuffled" : "in order"))"
    }
}

/// Grayscale images stored as bytes, one class label each: one split of a data set, as
/// read from disk and before any resizing or scaling.
public struct ImageSet: Sendable {
    /// `count × height × width` pixels, row-major.
    public let pixels: [UInt8]
    /// One class index per image.
    public let labels: [UInt8]
    public let height: Int
    public let width: Int
    /// Which split of which data set this is, as `Fashion-MNIST train`: a snapshot saves
    /// a loader by this name and reads the files again, instead of keeping the pixels.
    public let name: String

    public var count: Int { labels.count }
    public var pixelsPerImage: Int { height * width }

    public init(pixels: [UInt8], labels: [UInt8], height: Int, width: Int, name: String = "") {
        precondition(height > 0 && width > 0 && pixels.count == labels.count * height * width,
                     "\(pixels.count) pixels do not make \(labels.count) images of \(height)×\(width)")
        self.pixels = pixels
        self.labels = labels
        self.height = height
        self.width = width
        self.name = name
    }
}

import LitRandom
import LitTensor

/// Hands out an image set in batches of Float tensors, as PyTorch's `DataLoader` over a
/// torchvision data set with `Resize` and `ToTensor` does: images `[B, 1, H, W]` scaled to
/// [0, 1], labels `[B]` holding class indices as Floats, and a last, smaller batch when
/// the batch size does not divide the image count.
///
/// Images stay bytes in memory and are resized and scaled one batch at a time, so that a
/// large `resize` costs time per batch rather than memory for the whole set. A shuffled
/// loader draws a new order for every pass from its seed and the pass's number, so runs
/// are reproducible and epochs differ.
public final class DataLoader {
    public typealias Batch = (images: Tensor, labels: Tensor)

    public let batchSize: Int
    /// The side lengths of the images in a batch, after resizing.
    public let imageHeight: Int
    public let imageWidth: Int
    /// Whether every pass visits the images in a new random order.
    public let isShuffled: Bool
    /// The size of the whole split when the loader keeps only a sample of it (under a
    /// budget); nil when it keeps every image.
    public let sampledFrom: Int?
    /// How many passes `batches()` has started.
    public package(set) var epochsStarted = 0

    package let source: ImageSet
    /// The images of `source` the loader keeps, in ascending order.
    private let members: [Int]
    private let resize: BilinearResize?
    package let seed: UInt64

    /// The number of images in one pass.
    public var imageCount: Int { members.count }
    /// The number of batches in one pass, the last one possibly partial.
    public var batchCount: Int { (members.count + batchSize - 1) / batchSize }

    /// A loader over `source`. `resize` gives the side of the square images it produces;
    /// `sampleSize` keeps only that many images, a random sample drawn from `seed`.
    public init(_ source: ImageSet, batchSize: Int, resize: Int? = nil, shuffle: Bool, seed: UInt64, sampleSize: Int? = nil) {
        precondition(batchSize > 0 && (resize ?? 1) > 0 && (sampleSize ?? 0) >= 0, "invalid loader settings")
        self.source = source
        self.batchSize = batchSize
        self.isShuffled = shuffle
        self.seed = seed
        if let resize, resize != source.height || resize != source.width {
            self.resize = BilinearResize(inputWidth: source.width, inputHeight: source.height, outputWidth: resize, outputHeight: resize)
        } else {
            self.resize = nil
        }
        imageHeight = resize ?? source.height
        imageWidth = resize ?? source.width
        if let sampleSize, sampleSize < source.count {
            var generator = Shuffling.generator(seed: seed, purpose: .sample, epoch: 0)
            members = Shuffling.permutation(of: Array(0..<source.count), using: &generator).prefix(sampleSize).sorted()
            sampledFrom = source.count
        } else {
            members = Array(0..<source.count)
            sampledFrom = nil
        }
    }

    /// The next pass over the data: each call starts a new epoch, with a new order when
    /// the loader shuffles.
    public func batches() -> Batches {
        defer { epochsStarted += 1 }
        return batches(epoch: epochsStarted)
    }

    /// The pass numbered `epoch` (from 0), the same on every call.
    public func batches(epoch: Int) -> Batches {
        Batches(loader: self, order: order(epoch: epoch))
    }

    /// The indices into the image set, in the order that pass `epoch` visits them.
    public func order(epoch: Int) -> [Int] {
        guard isShuffled else { return members }
        var generator = Shuffling.generator(seed: seed, purpose: .shuffle, epoch: epoch)
        return Shuffling.permutation(of: members, using: &generator)
    }

    /// One pass's batches. It owns the scratch space for resizing, so producing a batch
    /// allocates nothing but the two tensors.
    public struct Batches: Sequence, IteratorProtocol {
        private let loader: DataLoader
        private let order: [Int]
        private var position = 0
        private var resized: [UInt8]
        private var scratch: [UInt8]

        package init(loader: DataLoader, order: [Int]) {
            self.loader = loader
            self.order = order
            resized = [UInt8](repeating: 0, count: loader.resize == nil ? 0 : loader.imageHeight * loader.imageWidth)
            scratch = [UInt8](repeating: 0, count: loader.resize?.scratchCount ?? 0)
        }

        public var underestimatedCount: Int { (order.count - position + loader.batchSize - 1) / loader.batchSize }

        public mutating func next() -> Batch? {
            guard position < order.count else { return nil }
            let end = Swift.min(position + loader.batchSize, order.count)
            defer { position = end }
            return loader.makeBatch(order[position..<end], resized: &resized, scratch: &scratch)
        }
    }

    private func makeBatch(_ indices: ArraySlice<Int>, resized: inout [UInt8], scratch: inout [UInt8]) -> Batch {
        let images = Tensor(uninitializedShape: [indices.count, 1, imageHeight, imageWidth])
        let labels = Tensor(uninitializedShape: [indices.count])
        let inputPixels = source.pixelsPerImage, outputPixels = imageHeight * imageWidth
        images.withUnsafeMutableBufferPointer { floats in
            for (slot, index) in indices.enumerated() {
                var image = source.pixels[index * inputPixels..<(index + 1) * inputPixels]
                if let resize {
                    resize.resize(image, into: &resized, scratch: &scratch)
                    image = resized[...]
                }
                DataLoader.scale(image, into: UnsafeMutableBufferPointer(rebasing: floats[slot * outputPixels..<(slot + 1) * outputPixels]))
            }
        }
        labels.withUnsafeMutableBufferPointer { labels in
            for (slot, index) in indices.enumerated() { labels[slot] = Float(source.labels[index]) }
        }
        return (images, labels)
    }

    /// What `ToTensor` computes: each byte divided by 255 (not multiplied by 1/255, which
    /// differs in the last bit for some values).
    private static func scale(_ bytes: ArraySlice<UInt8>, into floats: UnsafeMutableBufferPointer<Float>) {
        for (slot, byte) in zip(floats.indices, bytes) { floats[slot] = Float(byte) / 255 }
    }
}

import LitTensor

/// Batches of images and labels, as the training loop consumes them.
public protocol BatchSource: AnyObject {
    /// Images in one pass.
    var imageCount: Int { get }
    /// Batches in one pass.
    var batchCount: Int { get }
    /// The whole set's size when this is a sample of it (under a budget); nil otherwise.
    var sampledFrom: Int? { get }
    /// Starts a pass (a training set reshuffles) and yields its batches: images
    /// [B, 1, H, W] and labels [B] holding class indices.
    func epochBatches() -> AnyIterator<(images: Tensor, labels: Tensor)>
}

extension BatchSource {
    public var sampledFrom: Int? { nil }
}

import LitData
import LitNN
import LitTensor

/// A data loader feeds `train`: the data layer and the network layer know nothing of
/// each other, so the two meet here.
extension DataLoader: BatchSource {
    public func epochBatches() -> AnyIterator<(images: Tensor, labels: Tensor)> {
        AnyIterator(batches())
    }
}

import LitTensor

/// A tensor error inside a layer of a `Sequential`, with the path to that layer, so that
/// a shape mismatch in the ninth layer says so.
public struct LayerError: Error {
    /// Child names from the outermost `Sequential` down: ["9"], or ["2", "conv1"].
    public var path: [String]
    /// The failing layer's type.
    public var layer: String
    public var underlying: TensorError
}

import LitDiagnostics
import LitTensor

/// An error inside a layer of a `Sequential`, with the path to that layer, so that a
/// shape mismatch in the ninth layer says so.
public struct LayerError: ErrorMessage, Equatable {
    /// Child names from the outermost `Sequential` down: ["9"], or ["2", "conv1"].
    public var path: [String]
    /// The failing layer's type.
    public var layer: String
    /// A `TensorError` or a `ModuleError`.
    public var underlying: any ErrorMessage

    public init(path: [String], layer: String, underlying: any ErrorMessage) {
        self.path = path
        self.layer = layer
        self.underlying = underlying
    }

    public var description: String {
        // A message that already names the layer, as `Linear(10, 5) expects ...`, needs
        // only the path.
        let named = underlying.description.hasPrefix(layer + "(")
        return "in layer \(path.joined(separator: "."))\(named ? "" : " (\(layer))"): \(underlying.description)"
    }

    public static func == (lhs: LayerError, rhs: LayerError) -> Bool {
        lhs.path == rhs.path && lhs.layer == rhs.layer && lhs.underlying.isEqual(to: rhs.underlying)
    }
}

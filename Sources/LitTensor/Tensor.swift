/// An n-dimensional array of `Float`s, row-major (NCHW for images), that can take part
/// in reverse-mode automatic differentiation.
///
/// A tensor is a class because the autograd graph and the optimizers need identity:
/// `.grad` belongs to one particular parameter. Every operation returns a new, contiguous
/// tensor; views (`reshape`, indexing, `detached()`) share storage with their source.
/// Gradient buffers are never changed in place, so sharing them is safe.
public final class Tensor {
    public let shape: [Int]
    public let count: Int
    package let storage: TensorStorage
    package let offset: Int
    /// True for trainable leaves (`Parameter(t)`) and for results computed from them.
    public internal(set) var requiresGrad: Bool
    /// The accumulated gradient of a trainable leaf; nil until a backward pass reaches it.
    public var grad: Tensor?
    /// How this tensor was computed, when a gradient has to flow through it.
    package var gradientNode: GradientNode?

    package init(shape: [Int], storage: TensorStorage, offset: Int = 0, requiresGrad: Bool = false) {
        self.shape = shape
        self.count = shape.reduce(1, *)
        self.storage = storage
        self.offset = offset
        self.requiresGrad = requiresGrad
    }

    /// A tensor whose values the caller is about to write.
    package convenience init(uninitializedShape shape: [Int]) {
        self.init(shape: shape, storage: TensorStorage(count: shape.reduce(1, *)))
    }

    public convenience init(shape: [Int], repeating value: Float) {
        self.init(shape: shape, storage: TensorStorage(count: shape.reduce(1, *), repeating: value))
    }

    public convenience init(shape: [Int], scalars: [Float]) {
        precondition(shape.reduce(1, *) == scalars.count, "shape \(shape) does not hold \(scalars.count) values")
        self.init(uninitializedShape: shape)
        withUnsafeMutableBufferPointer { _ = $0.initialize(from: scalars) }
    }

    /// A rank-0 tensor holding one value.
    public convenience init(_ value: Float) {
        self.init(shape: [], scalars: [value])
    }

    public var rank: Int { shape.count }

    public var scalars: [Float] { withUnsafeBufferPointer { Array($0) } }

    /// A trainable leaf that shares `self`'s values, as `nn.Parameter(t)` does.
    public static func parameter(_ tensor: Tensor) -> Tensor {
        Tensor(shape: tensor.shape, storage: tensor.storage, offset: tensor.offset, requiresGrad: true)
    }

    /// The same values, cut off from the gradient graph.
    public func detached() -> Tensor {
        Tensor(shape: shape, storage: storage, offset: offset)
    }

    /// The one value of a one-element tensor.
    public func item() throws(TensorError) -> Float {
        guard count == 1 else { throw .notOneElement(shape) }
        return withUnsafePointer { $0.pointee }
    }
}

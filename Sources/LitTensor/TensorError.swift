import LitDiagnostics

/// What can go wrong in a tensor operation, named so that tests match the case.
public enum TensorError: ErrorMessage, Equatable {
    case shapeMismatch(op: String, [Int], [Int])
    /// An element-wise operation (`verb`: add, subtract, ...) on shapes that do not broadcast.
    case cannotBroadcast(verb: String, [Int], [Int])
    case catShapes([Int], [Int], dim: Int)
    case matmulShapes([Int], [Int])
    case conv2dChannels(input: [Int], weight: [Int])
    case invalidDimension(Int, rank: Int)
    case reshapeCount(from: [Int], to: [Int])
    case backwardFromNonScalar([Int])
    case backwardWithoutGradient
    case graphReleased
    /// A backward pass reached a tensor restored from a snapshot, which keeps no graphs.
    case graphNotInSnapshot
    case indexOutOfRange(index: Int, size: Int)
    case notOneElement([Int])
    /// The result would hold more than `Tensor.maximumElementCount` values.
    case sizeLimitExceeded(op: String, shape: [Int])
    case notAClassIndex(label: Float, classes: Int)
    case adamStepBelowOne(Int)
    case batchNormRankBelowTwo([Int])
    /// Training statistics of one value per channel would divide by zero.
    case batchNormOneValuePerChannel([Int])
    case catOfNoTensors
    case transposeNeedsMatrix([Int])
    case indexIntoScalar
    case tooManyIndices(Int, rank: Int)
    case rangeOutOfBounds(lower: Int, upper: Int, dim: Int, size: Int)
    case accuracyWithoutClasses([Int])
    /// `op` takes images: [N, C, H, W].
    case needsRank4(op: String, [Int])
    case invalidConvolutionStep
    case invalidPoolingWindow(op: String)
    /// Past this, sizes computed from the geometry overflow the C kernels' 32-bit ints.
    case convolutionGeometryTooLarge(limit: Int)
    case poolingGeometryTooLarge(op: String, limit: Int)
    case kernelLargerThanInput(kernelHeight: Int, kernelWidth: Int, paddedHeight: Int, paddedWidth: Int)
    case windowLargerThanInput(op: String, kernel: HeightWidth, paddedHeight: Int, paddedWidth: Int)
    case maxOverEmptyDimension
    /// `p -= ...` on a tensor that requires a gradient, outside `withoutGradients`.
    case inPlaceOnGradientTensor(op: String)
    /// `gather`'s index does not fit the tensor it reads from.
    case gatherIndexShape(tensor: [Int], index: [Int], dim: Int)
    case gatherIndexValue(Float, size: Int)
    /// `total += loss` where the right-hand side needs a gradient the update cannot record.
    case inPlaceDropsGradient(op: String)
    /// The update would change the target's shape.
    case inPlaceShape(op: String, target: [Int], other: [Int])

    public var description: String {
        switch self {
        case .shapeMismatch(let op, let a, let b):
            "shapes \(a) and \(b) do not match for '\(op)'"
        case .inPlaceOnGradientTensor(let op):
            "'\(op)' would change a tensor that requires a gradient in place; "
                + "update parameters inside withoutGradients { ... }, as PyTorch's torch.no_grad()"
        case .gatherIndexShape(let tensor, let index, let dim):
            "gather along dimension \(dim) needs an index of the same rank as the tensor \(tensor), no larger in "
                + "the other dimensions, got \(index)"
        case .gatherIndexValue(let value, let size):
            "gather's index holds \(value), which is not a whole number from 0 to \(size - 1)"
        case .inPlaceDropsGradient(let op):
            "'\(op)' in place cannot record the gradient of its right-hand side; write 'x = x \(op.dropLast()) y' "
                + "to keep the graph, or update inside withoutGradients { ... }"
        case .inPlaceShape(let op, let target, let other):
            "cannot '\(op)' a tensor of shape \(other) into one of shape \(target) in place: "
                + "the result must keep the target's shape"
        case .cannotBroadcast(let verb, let a, let b):
            "cannot \(verb) tensors of shapes \(a) and \(b): from the last dimension on, sizes must match or be 1"
                + (TensorError.firstClash(a, b).map { " (\($0.0) and \($0.1) do not)" } ?? "")
        case .catShapes(let a, let b, let dim):
            "cannot concatenate tensors of shapes \(a) and \(b) along dimension \(dim): "
                + (a.count != b.count ? "their ranks differ" : "every other dimension must match")
        case .matmulShapes(let a, let b):
            if (2...3).contains(a.count) && (2...3).contains(b.count) {
                a.last != b[b.count - 2]
                    ? "cannot multiply matrices of shapes \(a) and \(b): the first's \(a.last ?? 0) columns must match the second's \(b[b.count - 2]) rows"
                    : "cannot multiply batches of matrices of shapes \(a) and \(b): the batch sizes \(a[0]) and \(b[0]) differ, and neither is 1"
            } else {
                "matmul multiplies matrices (rank 2) or batches of them (rank 3), got shapes \(a) and \(b)"
            }
        case .conv2dChannels(let input, let weight):
            "conv2d with a weight of shape \(weight) needs an input with \(weight.count > 1 ? weight[1] : 0) channels, got \(input)"
        case .invalidDimension(let dim, let rank):
            rank == 0 ? "dimension \(dim) is out of range for a rank-0 tensor"
                : "dimension \(dim) is out of range for a tensor of rank \(rank) (expected \(-rank)...\(rank - 1))"
        case .reshapeCount(let from, let to):
            "cannot reshape a tensor of shape \(from) (\(from.reduce(1, *)) elements) to \(to)"
        case .backwardFromNonScalar(let shape):
            "backward() needs a one-element tensor, but this one has shape \(shape); reduce it first, with .sum() or .mean()"
        case .backwardWithoutGradient:
            "backward() on a tensor that does not depend on any Parameter"
        case .graphNotInSnapshot:
            "cannot back-propagate through a tensor restored from a snapshot: snapshots keep no gradient graphs; run with --no-cache"
        case .graphReleased:
            "backward() through a graph that an earlier backward() already used and freed; recompute the forward pass"
        case .indexOutOfRange(let index, let size):
            "index \(index) is out of range for a dimension of size \(size)"
        case .notOneElement(let shape):
            "item() needs a one-element tensor, but this one has shape \(shape)"
        case .sizeLimitExceeded(let op, let shape):
            "'\(op)' would make a tensor of shape \(shape), more than 2^31 elements"
        case .notAClassIndex(let label, let classes):
            "crossEntropy label \(label) is not a class index in 0..<\(classes)"
        case .adamStepBelowOne(let step):
            "adamStep needs step >= 1, but got \(step)"
        case .batchNormRankBelowTwo(let shape):
            "batchNorm needs an input of rank 2 or more, [N, C] or [N, C, H, W], but got shape \(shape)"
        case .batchNormOneValuePerChannel(let shape):
            "batchNorm expected more than 1 value per channel when training, but got an input of shape \(shape)"
        case .catOfNoTensors:
            "cat needs at least one tensor"
        case .transposeNeedsMatrix(let shape):
            "transposed() needs a rank-2 tensor, but this one has shape \(shape)"
        case .indexIntoScalar:
            "cannot index a rank-0 tensor"
        case .tooManyIndices(let count, let rank):
            "\(count) indices for a tensor of rank \(rank)"
        case .rangeOutOfBounds(let lower, let upper, let dim, let size):
            "range \(lower)..<\(upper) is out of bounds for dimension \(dim) of size \(size)"
        case .accuracyWithoutClasses(let shape):
            "accuracy needs at least one class, but got shape \(shape)"
        case .needsRank4(let op, let shape):
            "\(op) needs a rank-4 input [N, C, H, W], but got shape \(shape)"
        case .invalidConvolutionStep:
            "conv2d needs stride > 0 and padding >= 0"
        case .invalidPoolingWindow(let op):
            "\(op) needs kernelSize > 0, stride > 0 and 0 <= padding <= kernelSize / 2"
        case .convolutionGeometryTooLarge(let limit):
            "conv2d kernel, stride and padding must each be at most \(limit)"
        case .poolingGeometryTooLarge(let op, let limit):
            "\(op) kernelSize and stride must each be at most \(limit)"
        case .kernelLargerThanInput(let kernelHeight, let kernelWidth, let paddedHeight, let paddedWidth):
            "conv2d kernel \(kernelHeight)×\(kernelWidth) is larger than the padded input \(paddedHeight)×\(paddedWidth)"
        case .windowLargerThanInput(let op, let kernel, let paddedHeight, let paddedWidth):
            "\(op) window \(kernel.height)×\(kernel.width) is larger than the padded input \(paddedHeight)×\(paddedWidth)"
        case .maxOverEmptyDimension:
            "max over an empty dimension"
        }
    }
}

extension TensorError {
    /// The first pair of sizes, from the last dimension on, that neither match nor are 1.
    static func firstClash(_ a: [Int], _ b: [Int]) -> (Int, Int)? {
        zip(a.reversed(), b.reversed()).first { $0 != $1 && $0 != 1 && $1 != 1 }
    }
}

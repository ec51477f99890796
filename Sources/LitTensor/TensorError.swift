/// What can go wrong in a tensor operation, named so that tests match the case.
public enum TensorError: Error, Equatable, Sendable, CustomStringConvertible {
    case shapeMismatch(op: String, [Int], [Int])
    case invalidDimension(Int, rank: Int)
    case reshapeCount(from: [Int], to: [Int])
    case backwardFromNonScalar([Int])
    case backwardWithoutGradient
    case graphReleased
    case indexOutOfRange(index: Int, size: Int)
    case notOneElement([Int])
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .shapeMismatch(let op, let a, let b):
            "shapes \(a) and \(b) do not match for '\(op)'"
        case .invalidDimension(let dim, let rank):
            rank == 0 ? "dimension \(dim) is out of range for a rank-0 tensor"
                : "dimension \(dim) is out of range for a tensor of rank \(rank) (expected \(-rank)...\(rank - 1))"
        case .reshapeCount(let from, let to):
            "cannot reshape a tensor of shape \(from) (\(from.reduce(1, *)) elements) to \(to)"
        case .backwardFromNonScalar(let shape):
            "backward() needs a one-element tensor, but this one has shape \(shape); reduce it first, with .sum() or .mean()"
        case .backwardWithoutGradient:
            "backward() on a tensor that does not depend on any Parameter"
        case .graphReleased:
            "backward() through a graph that an earlier backward() already used and freed; recompute the forward pass"
        case .indexOutOfRange(let index, let size):
            "index \(index) is out of range for a dimension of size \(size)"
        case .notOneElement(let shape):
            "item() needs a one-element tensor, but this one has shape \(shape)"
        case .invalidArgument(let text):
            text
        }
    }
}

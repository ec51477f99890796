/// A size, stride or padding of a 2-D window: one number for a square window (`3`), or
/// a height and a width (`(1, 2)`), as PyTorch's `kernel_size=(1, 2)`.
public struct HeightWidth: Equatable, Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var height: Int
    public var width: Int

    public init(_ height: Int, _ width: Int) {
        (self.height, self.width) = (height, width)
    }

    public init(_ both: Int) { self.init(both, both) }

    public init(integerLiteral value: Int) { self.init(value) }

    public var isSquare: Bool { height == width }

    /// As a cell writes it: `3`, or `(1, 2)`.
    public var description: String { isSquare ? "\(height)" : "(\(height), \(width))" }

    /// The output size of a window of this size moved by `stride` over `input` padded by
    /// `padding` on each side.
    package static func outputSize(input: HeightWidth, kernel: HeightWidth, stride: HeightWidth,
                                   padding: HeightWidth) -> HeightWidth {
        HeightWidth((input.height + 2 * padding.height - kernel.height) / stride.height + 1,
                    (input.width + 2 * padding.width - kernel.width) / stride.width + 1)
    }
}

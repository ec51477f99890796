import LitTensor

/// Pooling over [N, C, H, W] inputs, as `nn.MaxPool2d` and `nn.AvgPool2d`: a window of
/// `kernelSize` moved by `stride` (the kernel size by default) over the input padded by
/// `padding`.
public class Pooling2d: Module {
    public let kernelSize: HeightWidth
    public let stride: HeightWidth
    public let padding: HeightWidth

    public init(kernelSize: HeightWidth, stride: HeightWidth? = nil, padding: HeightWidth = 0) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
    }

    public override var hyperParameters: String { "kernelSize: \(kernelSize), stride: \(stride), padding: \(padding)" }

    /// Pooling takes [N, C, H, W] inputs only.
    func checkRank(_ input: Tensor) throws {
        guard input.rank == 4 else {
            let padded = padding == 0 ? "" : ", padding: \(padding)"
            throw ModuleError.inputShape(layer: "\(typeName)(kernelSize: \(kernelSize), stride: \(stride)\(padded))",
                                         expected: "[N, C, H, W]", got: input.shape)
        }
    }
}

public final class MaxPool2d: Pooling2d {
    public override func forward(_ input: Tensor) throws -> Tensor {
        try checkRank(input)
        return try input.maxPool2d(kernelSize: kernelSize, stride: stride, padding: padding)
    }
}

/// Padded cells count in the average's divisor, as PyTorch's default.
public final class AvgPool2d: Pooling2d {
    public override func forward(_ input: Tensor) throws -> Tensor {
        try checkRank(input)
        return try input.avgPool2d(kernelSize: kernelSize, stride: stride, padding: padding)
    }
}

/// Averages each channel over its whole plane: [N, C, H, W] → [N, C, 1, 1], as the
/// seed's `GlobalAvgPool2d`.
public final class GlobalAvgPool2d: Module {
    public override init() {}
    public override func forward(_ input: Tensor) throws -> Tensor {
        guard input.rank == 4 else { throw ModuleError.inputShape(layer: "GlobalAvgPool2d()", expected: "[N, C, H, W]", got: input.shape) }
        return try input.globalAvgPool2d()
    }
}

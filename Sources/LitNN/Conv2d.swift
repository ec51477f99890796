import LitTensor

/// A 2-D convolution layer over [N, C, H, W] inputs, as `nn.Conv2d`.
public final class Conv2d: Module {
    public let inChannels: Int
    public let outChannels: Int
    public let kernelSize: HeightWidth
    public let stride: HeightWidth
    public let padding: HeightWidth
    /// [outChannels, inChannels, kernel height, kernel width]
    public let weight: Tensor
    /// [outChannels], or nil for a layer made without a bias.
    public let bias: Tensor?

    public init<G: RandomNumberGenerator>(_ inChannels: Int, _ outChannels: Int, kernelSize: HeightWidth,
                                          stride: HeightWidth = 1, padding: HeightWidth = 0, bias: Bool = true, using generator: inout G) {
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        let fanIn = inChannels * kernelSize.height * kernelSize.width
        weight = Initialization.fanInUniform([outChannels, inChannels, kernelSize.height, kernelSize.width], fanIn: fanIn,
                                             using: &generator)
        self.bias = bias ? Initialization.fanInUniform([outChannels], fanIn: fanIn, using: &generator) : nil
    }

    /// A layer around tensors it already has, as a snapshot restores it.
    package init(inChannels: Int, outChannels: Int, kernelSize: HeightWidth, stride: HeightWidth, padding: HeightWidth,
                 weight: Tensor, bias: Tensor?) {
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.weight = weight
        self.bias = bias
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        guard input.rank == 4 else {
            throw ModuleError.inputShape(layer: signature, expected: "[N, \(inChannels), H, W]", got: input.shape)
        }
        guard input.shape[1] == inChannels else {
            throw ModuleError.inputChannels(layer: signature, expected: inChannels, got: input.shape[1], input: input.shape)
        }
        return try Tensor.conv2d(input, weight: weight, bias: bias, stride: stride, padding: padding)
    }

    /// The layer as the call that makes it, its defaults left out: `Conv2d(3, 8, kernelSize: 3)`.
    private var signature: String {
        var text = "Conv2d(\(inChannels), \(outChannels), kernelSize: \(kernelSize)"
        if stride != 1 { text += ", stride: \(stride)" }
        if padding != 0 { text += ", padding: \(padding)" }
        return text + (bias == nil ? ", bias: false)" : ")")
    }

    public override var hyperParameters: String {
        var text = "\(inChannels), \(outChannels), kernelSize: \(kernelSize), stride: \(stride)"
        if padding != 0 { text += ", padding: \(padding)" }
        if bias == nil { text += ", bias: false" }
        return text
    }

}

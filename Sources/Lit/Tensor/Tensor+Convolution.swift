import LitKernels

extension Tensor {
    /// 2-D convolution (cross-correlation, as PyTorch's `conv2d`) of an [N, C, H, W] input
    /// with [O, C, kH, kW] weights and an optional [O] bias.
    public static func conv2d(_ x: Tensor, weight: Tensor, bias: Tensor? = nil, stride: Int = 1,
                              padding: Int = 0) throws(TensorError) -> Tensor {
        let convolution = try Convolution(input: x.shape, weight: weight.shape, stride: stride, padding: padding)
        if let bias, bias.shape != [weight.shape[0]] { throw .shapeMismatch(op: "conv2d bias", bias.shape, [weight.shape[0]]) }
        let output = Tensor(uninitializedShape: convolution.outputShape)
        convolution.forward(x.data, weight: weight.data, bias: bias?.data, output: output.data)
        let inputs = [x, weight] + (bias.map { [$0] } ?? [])
        return x.recordGradient("conv2d", inputs: inputs, output: output) { gradient in
            let channelMajor = convolution.channelMajor(gradient.data)
            var gx: Tensor?, gw: Tensor?, gb: Tensor?
            if x.requiresGrad {
                gx = Tensor(uninitializedShape: x.shape)
                convolution.inputGradient(channelMajor, weight: weight.data, into: gx!.data)
            }
            if weight.requiresGrad {
                gw = Tensor(uninitializedShape: weight.shape)
                convolution.weightGradient(channelMajor, input: x.data, into: gw!.data)
            }
            if let bias, bias.requiresGrad {
                gb = Tensor(shape: bias.shape, repeating: 0)
                lk_sum_rows(channelMajor.data, convolution.outChannels, convolution.columnCount, gb!.data)
            }
            return [gx, gw, gb]
        }
    }
}

extension Tensor {
    /// 2-D convolution (cross-correlation, as PyTorch's `conv2d`) of an [N, C, H, W] input
    /// with [O, C, kH, kW] weights and an optional [O] bias.
    public static func conv2d(_ x: Tensor, weight: Tensor, bias: Tensor? = nil, stride: HeightWidth = 1,
                              padding: HeightWidth = 0) throws(TensorError) -> Tensor {
        try conv2d(x, weight: weight, bias: bias, stride: stride, padding: padding, engine: Convolution.Engine.preferred)
    }

    package static func conv2d(_ x: Tensor, weight: Tensor, bias: Tensor?, stride: HeightWidth, padding: HeightWidth,
                       engine: Convolution.Engine) throws(TensorError) -> Tensor {
        let convolution = try Convolution(input: x.shape, weight: weight.shape, stride: stride, padding: padding)
        if let bias, bias.shape != [weight.shape[0]] { throw .shapeMismatch(op: "conv2d bias", bias.shape, [weight.shape[0]]) }
        let output = Tensor(uninitializedShape: convolution.outputShape)
        // The input gradient reuses the forward pass's plane matrix: the weights as they were.
        let planeMatrix = convolution.usesPlaneMatrix(engine)
            ? OperationProfile.measure(.planeMatrix) { PlaneMatrixCache.shared.matrix(weight, for: convolution) } : nil
        OperationProfile.measure(.convolutionForward) {
            if let planeMatrix {
                convolution.forward(x, planeMatrix: planeMatrix, bias: bias, output: output)
            } else {
                convolution.forward(x, weight: weight, bias: bias, output: output, engine: engine)
            }
        }
        let inputs = [x, weight] + (bias.map { [$0] } ?? [])
        return output.recordGradient("conv2d", inputs: inputs) { gradient in
            let gx = x.requiresGrad ? Tensor(uninitializedShape: x.shape) : nil
            let gw = weight.requiresGrad ? Tensor(uninitializedShape: weight.shape) : nil
            let gb = bias?.requiresGrad == true ? Tensor(uninitializedShape: [weight.shape[0]]) : nil
            if let planeMatrix {
                convolution.backward(gradient, input: x, planeMatrix: planeMatrix, inputGradient: gx, weightGradient: gw,
                                     biasGradient: gb)
                // Taps that only meet padding got 0: the optimizer may skip them.
                if let gw, let support = convolution.weightGradientSupport { gw.declareSupport(support) }
            } else {
                convolution.backward(gradient, input: x, weight: weight, inputGradient: gx, weightGradient: gw,
                                     biasGradient: gb, engine: engine)
            }
            return [gx, gw, gb]
        }
    }
}

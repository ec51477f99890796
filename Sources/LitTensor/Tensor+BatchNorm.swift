import LitKernels

extension Tensor {
    /// Batch normalisation of an [N, C] or [N, C, H, W] input over each channel, as PyTorch's
    /// `F.batch_norm`: `y = (x - mean) / sqrt(var + eps) * weight + bias`.
    ///
    /// In training, `mean` and `var` are the batch's (the biased variance), and the running
    /// statistics are updated in place, outside the graph:
    /// `running = (1 - momentum) * running + momentum * batch`, with the unbiased variance.
    /// Out of training the running statistics normalise. `weight`, `bias`, `runningMean` and
    /// `runningVar` have shape [C]; a nil weight or bias stands for ones or zeros. Gradients
    /// flow to `x`, `weight` and `bias`. As in PyTorch, any input of rank 2 or more works:
    /// dimensions after C count as positions, like H and W.
    public static func batchNorm(_ x: Tensor, weight: Tensor?, bias: Tensor?, runningMean: Tensor, runningVar: Tensor,
                                 isTraining: Bool, momentum: Float = 0.1, eps: Float = 1e-5) throws(TensorError) -> Tensor {
        guard x.rank >= 2 else {
            throw .batchNormRankBelowTwo(x.shape)
        }
        let channels = x.shape[1]
        try checkChannels(weight, "weight", channels)
        try checkChannels(bias, "bias", channels)
        try checkChannels(runningMean, "runningMean", channels)
        try checkChannels(runningVar, "runningVar", channels)
        let spatial = x.shape.dropFirst(2).reduce(1, *)
        if isTraining && x.shape[0] * spatial == 1 {
            throw .batchNormOneValuePerChannel(x.shape)
        }
        let output = Tensor(uninitializedShape: x.shape)
        let inputs = [x] + [weight, bias].compactMap { $0 }
        // Nothing to normalise: the running statistics stay as they are, as in PyTorch.
        if x.count == 0 {
            return output.recordGradient("batchNorm", inputs: inputs) { _ in
                [Tensor.zeros(x.shape)] + [weight, bias].compactMap { $0 }.map { Tensor.zeros($0.shape) }
            }
        }
        // The statistics that normalised the batch, kept for the backward pass: the mean's
        // high and low parts and 1/sqrt(var + eps).
        let statistics = Tensor(uninitializedShape: [3, channels])
        let plan = lk_batch_norm(batch: x.shape[0], channels: channels, spatial: spatial, weight: weight.map { UnsafePointer($0.data) },
                                 bias: bias.map { UnsafePointer($0.data) }, eps: eps, momentum: momentum, training: isTraining ? 1 : 0,
                                 running_mean: runningMean.data, running_var: runningVar.data, mean: statistics.data,
                                 mean_low: statistics.data + channels, invstd: statistics.data + 2 * channels)
        Parallel.forEachChunk(channels, work: 2 * x.count) { range in
            lk_batch_norm_forward(plan, x.data, output.data, range.lowerBound, range.count)
        }
        return output.recordGradient("batchNorm", inputs: inputs) { gradient in
            // The closure holds the tensors behind the plan's pointers.
            withExtendedLifetime((weight, bias, runningMean, runningVar, statistics)) {
                let gx = x.requiresGrad ? Tensor(uninitializedShape: x.shape) : nil
                let gw = weight?.requiresGrad == true ? Tensor(uninitializedShape: [channels]) : nil
                let gb = bias?.requiresGrad == true ? Tensor(uninitializedShape: [channels]) : nil
                Parallel.forEachChunk(channels, work: 3 * x.count) { range in
                    lk_batch_norm_backward(plan, x.data, gradient.data, gx?.data, gw?.data, gb?.data, range.lowerBound, range.count)
                }
                return [gx] + (weight == nil ? [] : [gw]) + (bias == nil ? [] : [gb])
            }
        }
    }

    private static func checkChannels(_ tensor: Tensor?, _ name: String, _ channels: Int) throws(TensorError) {
        if let tensor, tensor.shape != [channels] { throw .shapeMismatch(op: "batchNorm \(name)", tensor.shape, [channels]) }
    }
}

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
        try batchNorm(x, weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar,
                      isTraining: isTraining, momentum: momentum, eps: eps, thenReLU: false)
    }

    /// `batchNorm(...).relu()` in one pass each way, with the same values and gradients:
    /// the ReLU is applied as each output row is written, and its backward pass runs on
    /// each channel just before batch norm's backward pass reads it. DenseNet's blocks are
    /// BN → ReLU → Conv.
    public static func batchNormReLU(_ x: Tensor, weight: Tensor?, bias: Tensor?, runningMean: Tensor, runningVar: Tensor,
                                     isTraining: Bool, momentum: Float = 0.1, eps: Float = 1e-5) throws(TensorError) -> Tensor {
        try batchNorm(x, weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar,
                      isTraining: isTraining, momentum: momentum, eps: eps, thenReLU: true)
    }

    private static func batchNorm(_ x: Tensor, weight: Tensor?, bias: Tensor?, runningMean: Tensor, runningVar: Tensor,
                                  isTraining: Bool, momentum: Float, eps: Float, thenReLU: Bool) throws(TensorError) -> Tensor {
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
        let normalisation = BatchNormalisation(
            batch: x.shape[0], channels: channels, spatial: spatial, weight: weight, bias: bias, eps: eps,
            momentum: momentum, isTraining: isTraining, thenReLU: thenReLU, runningMean: runningMean,
            runningVar: runningVar, statistics: Tensor(uninitializedShape: [3, channels]))
        OperationProfile.measure(.batchNormForward) {
            normalisation.withPlan { plan in
                withUnsafeMutablePointers(x, output) { input, y in
                    Parallel.forEachChunk(channels, work: 2 * output.count) { range in
                        lk_batch_norm_forward(plan, input, y, range.lowerBound, range.count)
                    }
                }
            }
        }
        // The output without its graph node, for ReLU's backward pass: the closure below
        // would otherwise hold the node that holds it.
        let result = output.detached()
        // Named for the last operation applied, as the separate pair would show it.
        return output.recordGradient(thenReLU ? "relu" : "batchNorm", inputs: inputs) { gradient in
            let gx = x.requiresGrad ? Tensor(uninitializedShape: x.shape) : nil
            let gw = weight?.requiresGrad == true ? Tensor(uninitializedShape: [channels]) : nil
            let gb = bias?.requiresGrad == true ? Tensor(uninitializedShape: [channels]) : nil
            OperationProfile.measure(.batchNormBackward) { normalisation.withPlan { plan in
                x.withUnsafePointer { input in
                    // ReLU's backward pass is folded into batch norm's: its output masks gy.
                    gradient.withUnsafePointer { gy in (thenReLU ? result : nil).withUnsafePointer { z in
                        gx.withUnsafeMutablePointer { gx in
                            gw.withUnsafeMutablePointer { gw in
                                gb.withUnsafeMutablePointer { gb in
                                    Parallel.forEachChunk(channels, work: 3 * x.count) { range in
                                        lk_batch_norm_backward(plan, input, z, gy, gx, gw, gb, range.lowerBound, range.count)
                                    }
                                }
                            }
                        }
                    } }
                }
            } }
            return [gx] + (weight == nil ? [] : [gw]) + (bias == nil ? [] : [gb])
        }
    }

    /// What the kernels need to know of one batch norm; the forward pass writes the
    /// statistics that the backward pass reads.
    private struct BatchNormalisation {
        let batch, channels, spatial: Int
        let weight, bias: Tensor?
        let eps, momentum: Float
        let isTraining, thenReLU: Bool
        /// The mean's high and low parts and 1/sqrt(var + eps), one row each.
        let runningMean, runningVar, statistics: Tensor

        /// The kernels' plan, which holds the addresses of the tensors above: valid only
        /// inside `body`.
        func withPlan<R>(_ body: (lk_batch_norm) -> R) -> R {
            weight.withUnsafePointer { weight in
                bias.withUnsafePointer { bias in
                    withUnsafeMutablePointers(runningMean, runningVar, statistics) { runningMean, runningVar, statistics in
                        body(lk_batch_norm(
                            batch: batch, channels: channels, spatial: spatial, weight: weight, bias: bias, eps: eps,
                            momentum: momentum, training: isTraining ? 1 : 0, relu: thenReLU ? 1 : 0,
                            running_mean: runningMean,
                            running_var: runningVar, mean: statistics, mean_low: statistics + channels,
                            invstd: statistics + 2 * channels))
                    }
                }
            }
        }
    }

    private static func checkChannels(_ tensor: Tensor?, _ name: String, _ channels: Int) throws(TensorError) {
        if let tensor, tensor.shape != [channels] { throw .shapeMismatch(op: "batchNorm \(name)", tensor.shape, [channels]) }
    }
}

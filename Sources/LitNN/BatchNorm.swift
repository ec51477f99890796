import LitTensor

/// Batch normalisation with PyTorch's semantics: in training, normalise with the batch's
/// mean and biased variance, and move the running statistics towards the batch's mean
/// and unbiased variance by `momentum`; in evaluation, normalise with the running ones.
/// `BatchNorm1d` takes [N, C] inputs, `BatchNorm2d` [N, C, H, W].
public class BatchNormalization: Module {
    public let features: Int
    public let eps: Float
    public let momentum: Float
    /// The learnt scale and shift, each [features].
    public let weight: Tensor
    public let bias: Tensor
    /// Running statistics (not trained), each [features].
    public let runningMean: Tensor
    public let runningVar: Tensor
    /// The input rank this layer accepts: 2 or 4.
    package let inputRank: Int

    /// A layer's four tensors, as a snapshot restores them.
    package typealias Tensors = (weight: Tensor, bias: Tensor, runningMean: Tensor, runningVar: Tensor)

    package init(_ features: Int, eps: Float, momentum: Float, inputRank: Int, tensors: Tensors? = nil) {
        self.features = features
        self.eps = eps
        self.momentum = momentum
        self.inputRank = inputRank
        let tensors = tensors ?? (Tensor.parameter(Tensor.ones([features])), Tensor.parameter(Tensor.zeros([features])),
                                  Tensor.zeros([features]), Tensor.ones([features]))
        weight = tensors.weight
        bias = tensors.bias
        runningMean = tensors.runningMean
        runningVar = tensors.runningVar
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try checkShape(input)
        return try Tensor.batchNorm(input, weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar,
                                    isTraining: isTraining, momentum: momentum, eps: eps)
    }

    /// `ReLU()(forward(input))` in one pass each way, for a `Sequential` that runs this
    /// layer and then a ReLU.
    package func forwardThenReLU(_ input: Tensor) throws -> Tensor {
        try checkShape(input)
        return try Tensor.batchNormReLU(input, weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar,
                                        isTraining: isTraining, momentum: momentum, eps: eps)
    }

    private func checkShape(_ input: Tensor) throws(ModuleError) {
        guard input.rank == inputRank, input.shape[1] == features else {
            throw ModuleError.batchNormInputShape(layer: typeName, features: features, inputRank: inputRank, got: input.shape)
        }
    }

    public override var hyperParameters: String {
        "\(features), eps: \(eps), momentum: \(momentum)"
    }

    /// PyTorch's buffer names. Its `num_batches_tracked` is left out: it only matters
    /// without a momentum, and this layer always has one.
    public override func ownBuffers() -> [(name: String, tensor: Tensor)] {
        [("running_mean", runningMean), ("running_var", runningVar)]
    }
}

public final class BatchNorm1d: BatchNormalization {
    public init(_ features: Int, eps: Float = 1e-5, momentum: Float = 0.1) {
        super.init(features, eps: eps, momentum: momentum, inputRank: 2)
    }

    package init(_ features: Int, eps: Float, momentum: Float, restoring tensors: Tensors) {
        super.init(features, eps: eps, momentum: momentum, inputRank: 2, tensors: tensors)
    }

}

public final class BatchNorm2d: BatchNormalization {
    public init(_ channels: Int, eps: Float = 1e-5, momentum: Float = 0.1) {
        super.init(channels, eps: eps, momentum: momentum, inputRank: 4)
    }

    package init(_ channels: Int, eps: Float, momentum: Float, restoring tensors: Tensors) {
        super.init(channels, eps: eps, momentum: momentum, inputRank: 4, tensors: tensors)
    }

}

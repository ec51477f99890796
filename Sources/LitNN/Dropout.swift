import LitTensor

/// Dropout: while training, each value is zeroed with probability `p` and the others are
/// divided by `1 - p`, so that every value keeps its expected value; after `eval()` the
/// layer passes its input through unchanged.
public final class Dropout: Module {
    public let probability: Float
    /// Draws the masks; the chapter gives its one generator, so that `--seed` decides them.
    private let nextRandom: () -> UInt64

    /// `probability` must lie in 0...1.
    public init(_ probability: Float, random: @escaping () -> UInt64) {
        self.probability = probability
        self.nextRandom = random
    }

    public override var hyperParameters: String { "p=\(probability)" }

    public override func forward(_ input: Tensor) throws -> Tensor {
        guard isTraining, probability > 0 else { return input }
        let keptScale = probability < 1 ? 1 / (1 - probability) : 0
        let mask = Tensor(uninitializedShape: input.shape)
        mask.withUnsafeMutableBufferPointer { values in
            for index in values.indices {
                // 24 random bits: a uniform float in [0, 1), kept when it is at least p.
                let uniform = Float(nextRandom() >> 40) * 0x1p-24
                values[index] = uniform >= probability ? keptScale : 0
            }
        }
        return try input * mask
    }
}

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
        // A value is kept where a uniform draw in [0, 1) is at least p.
        var generator = ClosureGenerator(draw: nextRandom)
        let kept = Tensor.compare(Tensor.rand(input.shape, using: &generator), .greaterOrEqual, probability)
        return try input * (kept * keptScale)
    }
}

/// A generator that draws from a closure, so that the layer can use the chapter's one.
private struct ClosureGenerator: RandomNumberGenerator {
    let draw: () -> UInt64
    mutating func next() -> UInt64 { draw() }
}

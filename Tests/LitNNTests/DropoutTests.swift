import LitNN
import LitRandom
import LitTensor
import LitTensorTestSupport
import Testing

/// Dropout in training and in evaluation, the scaling of what it keeps, and its gradient.
@Suite struct DropoutTests {
    /// A dropout layer drawing from its own seeded generator.
    static func layer(_ probability: Float, seed: UInt64 = 7) -> Dropout {
        var generator = SplitMix64(seed: seed)
        return Dropout(probability, random: { generator.next() })
    }

    @Test(arguments: [Float(0.2), 0.5, 0.9])
    func trainingZeroesAboutPAndScalesTheRest(_ probability: Float) throws {
        let input = Tensor(shape: [100_000], repeating: 3)
        let output = try Self.layer(probability).forward(input).scalars
        let zeroed = Double(output.filter { $0 == 0 }.count) / Double(output.count)
        // 100,000 draws: the standard error of the fraction is below 0.0016.
        #expect(abs(zeroed - Double(probability)) < 0.01)
        let kept = Set(output.filter { $0 != 0 })
        #expect(kept == [3 * (1 / (1 - probability))])
        // The expected value is unchanged.
        #expect(abs(output.reduce(0, +) / Float(output.count) - 3) < 0.1)
    }

    @Test func evaluationAndTheEdgesPassOrZero() throws {
        let input = TestData.uniform([4, 5], seed: 1).tensor()
        let layer = Self.layer(0.5)
        layer.eval()
        #expect(try layer.forward(input).scalars == input.scalars)
        #expect(try Self.layer(0).forward(input).scalars == input.scalars)
        #expect(try Self.layer(1).forward(input).scalars.allSatisfy { $0 == 0 })
        #expect(Self.layer(0.5).description == "Dropout(p=0.5)")
    }

    @Test func theGradientFlowsThroughTheKeptValuesOnly() throws {
        let x = TestData.uniform([6, 7], seed: 2).parameter()
        // The same mask on every forward pass: the generator starts again each time.
        try GradientCheck.check([x]) { inputs in try Self.layer(0.4, seed: 9).forward(inputs[0]) }
        let output = try Self.layer(0.4, seed: 9).forward(x)
        x.grad = nil
        try output.sum().backward()
        let mask = output.scalars.map { $0 == 0 ? Float(0) : 1 / 0.6 }
        #expect(x.grad?.scalars == mask)
    }
}

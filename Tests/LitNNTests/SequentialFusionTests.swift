import LitNN
import LitRandom
import LitTensor
import Testing

/// A `Sequential` runs a batch norm followed by a ReLU as one fused pass; what it computes
/// is what the layers compute one by one, bit for bit, and a batch norm that a ReLU does
/// not follow is left alone.
@Suite struct SequentialFusionTests {
    private static func bits(_ tensor: Tensor?) -> [UInt32] { tensor?.scalars.map(\.bitPattern) ?? [] }

    @Test(arguments: [true, false])
    func batchNormThenReLUGivesTheLayersResults(_ training: Bool) throws {
        var random = SplitMix64(seed: 4)
        let norm = BatchNorm2d(3), relu = ReLU(), conv = Conv2d(3, 2, kernelSize: 3, padding: 1, using: &random)
        let net = Sequential(norm, relu, conv)
        if !training { net.eval() }
        let input = Tensor.randn([4, 3, 6, 6], using: &random)

        let x1 = Tensor.parameter(input)
        let fused = try net(x1)
        try fused.sum().backward()
        let fusedGradients = [x1.grad, norm.weight.grad, norm.bias.grad, conv.weight.grad].map(Self.bits)
        let fusedRunning = [norm.runningMean, norm.runningVar].map(Self.bits)
        for parameter in net.parameters() { parameter.grad = nil }

        // The same layers one by one, from the same running statistics.
        norm.runningMean.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        norm.runningVar.withUnsafeMutableBufferPointer { $0.update(repeating: 1) }
        let x2 = Tensor.parameter(input)
        let separate = try conv(try relu(try norm(x2)))
        try separate.sum().backward()
        #expect(Self.bits(fused) == Self.bits(separate))
        #expect(fusedGradients == [x2.grad, norm.weight.grad, norm.bias.grad, conv.weight.grad].map(Self.bits))
        #expect([norm.runningMean, norm.runningVar].map(Self.bits) == fusedRunning)
    }

    @Test func aBatchNormWithoutAReLUAfterItRunsAlone() throws {
        var random = SplitMix64(seed: 5)
        let norm = BatchNorm2d(2)
        let net = Sequential(norm, Sigmoid())
        let x = Tensor.randn([2, 2, 4, 4], using: &random)
        #expect(Self.bits(try net(x)) == Self.bits(try norm(x).sigmoid()))
    }
}

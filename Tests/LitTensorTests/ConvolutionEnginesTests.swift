import LitRandom
import LitTensor
import Testing

/// The two convolution engines (oneDNN and our own im2col + SGEMM fallback) are
/// independent implementations: they must agree on outputs and on all three gradients.
@Suite struct ConvolutionEnginesTests {
    /// (batch, inChannels, size, outChannels, kernel, stride, padding)
    static let shapes: [(Int, Int, Int, Int, Int, Int, Int)] = [
        (2, 1, 9, 3, 5, 1, 0), (3, 4, 7, 5, 3, 1, 1), (2, 6, 8, 4, 3, 2, 1), (1, 3, 6, 2, 1, 1, 0),
        (2, 5, 5, 7, 1, 2, 0), (2, 2, 11, 4, 7, 2, 3), (16, 16, 6, 16, 3, 1, 1),
    ]

    @Test(arguments: shapes.indices)
    func im2colMatchesOneDNN(_ index: Int) throws {
        let (batch, inChannels, size, outChannels, kernel, stride, padding) = Self.shapes[index]
        var random = SplitMix64(seed: UInt64(index))
        let x = Tensor.randn([batch, inChannels, size, size], using: &random)
        let weight = Tensor.randn([outChannels, inChannels, kernel, kernel], using: &random)
        let bias = Tensor.randn([outChannels], using: &random)
        var results: [[Float]] = []
        var gradients: [[[Float]]] = []
        for engine in [Convolution.Engine.automatic, .im2col] {
            let (px, pw, pb) = (Tensor.parameter(x), Tensor.parameter(weight), Tensor.parameter(bias))
            let output = try Tensor.conv2d(px, weight: pw, bias: pb, stride: HeightWidth(stride), padding: HeightWidth(padding), engine: engine)
            var seedRandom = SplitMix64(seed: 99)  // the same output gradient for both engines
            let seed = Tensor.randn(output.shape, using: &seedRandom)
            try output.backward(gradient: seed)
            results.append(output.scalars)
            gradients.append([px.grad!.scalars, pw.grad!.scalars, pb.grad!.scalars])
        }
        #expect(maximumDifference(results[0], results[1]) < 1e-3)
        for (name, pair) in zip(["input", "weight", "bias"], zip(gradients[0], gradients[1])) {
            #expect(maximumDifference(pair.0, pair.1) < 1e-3, "\(name) gradients differ")
        }
    }

    private func maximumDifference(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count)
        let scale = max(1, a.map(abs).max() ?? 1)
        return zip(a, b).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
    }
}

import LitTensor
import LitTensorTestSupport
import Testing

/// The fused batch norm + ReLU gives exactly what `batchNorm(...).relu()` gives: the same
/// output, gradients and running statistics, bit for bit, in training and in evaluation,
/// on wide planes, narrow planes and [N, C] inputs, with NaNs, zeros and negative values
/// on the ReLU's edge.
@Suite struct BatchNormReLUTests {
    /// (input shape): planes of 64 (wide), 9 (narrow) and 1 ([N, C]) values.
    static let shapes: [[Int]] = [[4, 3, 8, 8], [8, 5, 3, 3], [16, 7], [2, 40, 6, 6]]

    private struct Run {
        var output: [UInt32], inputGradient: [UInt32], weightGradient: [UInt32], biasGradient: [UInt32]
        var runningMean: [UInt32], runningVar: [UInt32]
    }

    private static func bits(_ tensor: Tensor?) -> [UInt32] { tensor?.scalars.map(\.bitPattern) ?? [] }

    private static func run(_ shape: [Int], training: Bool, fused: Bool) throws -> Run {
        var values = TestData.uniform(shape, -2...2, seed: UInt64(shape.reduce(7, *))).values.map(Float.init)
        // A NaN, which goes through ReLU as a NaN and takes its channel's statistics with it.
        values[3] = .nan
        let x = Tensor.parameter(Tensor(shape: shape, scalars: values))
        let channels = shape[1]
        let weight = Tensor.parameter(Tensor(shape: [channels], scalars: (0..<channels).map { Float($0 % 3) - 0.5 }))
        let bias = Tensor.parameter(Tensor(shape: [channels], scalars: (0..<channels).map { Float($0) * 0.25 - 0.5 }))
        let runningMean = Tensor(shape: [channels], scalars: (0..<channels).map { Float($0) * 0.1 })
        let runningVar = Tensor(shape: [channels], scalars: (0..<channels).map { 1 + Float($0) * 0.2 })
        let y = fused
            ? try Tensor.batchNormReLU(x, weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar,
                                       isTraining: training)
            : try Tensor.batchNorm(x, weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar,
                                   isTraining: training).relu()
        let gradient = TestData.uniform(shape, seed: 5).tensor()
        try y.backward(gradient: gradient)
        return Run(output: bits(y), inputGradient: bits(x.grad), weightGradient: bits(weight.grad),
                   biasGradient: bits(bias.grad), runningMean: bits(runningMean), runningVar: bits(runningVar))
    }

    @Test(arguments: shapes, [true, false])
    func fusedMatchesBatchNormThenReLUBitForBit(_ shape: [Int], _ training: Bool) throws {
        let fused = try Self.run(shape, training: training, fused: true)
        let separate = try Self.run(shape, training: training, fused: false)
        #expect(fused.output == separate.output)
        #expect(fused.inputGradient == separate.inputGradient)
        #expect(fused.weightGradient == separate.weightGradient)
        #expect(fused.biasGradient == separate.biasGradient)
        #expect(fused.runningMean == separate.runningMean)
        #expect(fused.runningVar == separate.runningVar)
        // The ReLU did cut: some outputs are 0 and their gradients do not flow.
        #expect(fused.output.contains(0))
    }
}

import LitNN
import LitRandom
import LitTensor
import Testing

/// Modules from plain Swift: PyTorch's default initialisation, and composing layers.
@Suite struct ModuleTests {
    @Test func defaultInitialisationIsPyTorchs() throws {
        var random = SplitMix64(seed: 3)
        let conv = Conv2d(16, 32, kernelSize: 3, using: &random)
        let linear = Linear(400, 300, using: &random)
        for (tensor, fanIn) in [(conv.weight, 144), (conv.bias!, 144), (linear.weight, 400), (linear.bias!, 400)] {
            let bound = 1 / Double(fanIn).squareRoot()
            let values = tensor.scalars.map(Double.init)
            #expect(values.allSatisfy { abs($0) <= bound })
            // Uniform(±b) has variance b²/3; with thousands of draws the estimate is within 10 %.
            if values.count > 1000 {
                let variance = values.map { $0 * $0 }.reduce(0, +) / Double(values.count)
                #expect(abs(variance / (bound * bound / 3) - 1) < 0.1)
                #expect(abs(values.reduce(0, +) / Double(values.count)) < bound / 20)
            }
            #expect(tensor.requiresGrad)
        }
    }

    @Test func modulesComposeFromSwift() throws {
        var random = SplitMix64(seed: 0)
        let net = Sequential(Linear(4, 8, using: &random), ReLU(), Linear(8, 3, using: &random))
        #expect(net.parameters().count == 4)
        #expect(net.namedChildren().map(\.name) == ["0", "1", "2"])
        let y = try net(Tensor.rand([2, 4], using: &random))
        #expect(y.shape == [2, 3])
        net.eval()
        #expect(net.namedChildren().allSatisfy { !$0.module.isTraining })
    }
}

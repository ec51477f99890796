import LitLanguage
import LitLibrary
import LitTestSupport
import Testing

/// The neighbouring chapters' functions as cells spell them (the spec's "Beyond the seed").
@Suite struct StatisticsCellTests {
    func run(_ code: String) throws -> String {
        try ChapterSession(seed: 0).run(code, cell: 1).text
    }

    func error(_ code: String) -> String? {
        do { _ = try ChapterSession(seed: 0).run(code, cell: 1) } catch { return error.message.description }
        return nil
    }

    @Test func elementwiseComparisonsGiveAnAccuracy() throws {
        let output = try run("""
            let yHat = tensor([[0.1, 0.8, 0.1], [0.7, 0.2, 0.1], [0.2, 0.2, 0.6], [0.5, 0.4, 0.1]])
            let y = tensor([1, 0, 1, 1])
            print((yHat.argmax(dim: 1) .== y).mean().item())
            print(y .!= 1, y .< 1, y .<= 0, 1 .> y, y .>= tensor([1, 1, 0, 0]))
            print((y .== 1).requiresGrad)
            """)
        #expect(output == """
            0.5
            tensor([0., 1., 0., 0.]) tensor([0., 1., 0., 0.]) tensor([0., 1., 0., 0.]) tensor([0., 1., 0., 0.]) tensor([1., 0., 1., 1.])
            false

            """)
    }

    @Test func theHandWrittenCrossEntropy() throws {
        let output = try run("""
            let yHat = tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
            let y = tensor([0, 2])
            func crossEntropy(_ yHat: Tensor, _ y: Tensor) -> Tensor {
                -log(yHat.gather(dim: 1, index: y.reshape(-1, 1)))
            }
            print(crossEntropy(yHat, y))
            """)
        #expect(output == "tensor([[2.3026],\n        [0.6931]])\n")
    }

    @Test func batchedMatmulAndFashionMNISTLabels() throws {
        let output = try run("""
            let A = ones([4, 2, 3])
            print(matmul(A, ones([4, 3, 5])).shape, matmul(A, ones([3, 5])).shape, matmul(ones([2, 3]), ones([4, 3, 5])).shape)
            print(fashionMNISTLabels(tensor([0, 9, 3])), fashionMNISTLabels([1, 8]))
            """)
        #expect(output == "[4, 2, 5] [4, 2, 5] [4, 2, 5]\n[\"t-shirt\", \"ankle boot\", \"dress\"] [\"trouser\", \"bag\"]\n")
        #expect(error("let names = fashionMNISTLabels(tensor([10]))") == "10.0 is not a Fashion-MNIST label; the labels are 0 to 9")
    }

    @Test func swiftComparisonsOfTensorsPointToTheElementwiseOnes() {
        #expect(error("let a = tensor([1.0])\nlet b = a == a")
            == "binary operator '==' cannot be applied to operands of type 'Tensor' and 'Tensor'; "
            + "use '.==' for an element-wise comparison, which gives a tensor of 0s and 1s")
        #expect(error("let a = tensor([1.0])\nlet b = a < 2")?.hasPrefix("binary operator '<' cannot be applied to operands of type 'Tensor' and 'Int'; use '.<'") == true)
    }

    @Test func comparingNumbersElementwiseIsAnError() {
        #expect(error("let b = 1 .== 2") == "binary operator '.==' cannot be applied to operands of type 'Int' and 'Int'")
    }

    @Test func functionsAndMethods() throws {
        let output = try run("""
            let x = tensor([-2.0, 0.5, 3.0])
            print(abs(x), pow(x, 2), x.clamped(min: -1, max: 1), x.clamped(max: 0))
            print(x.abs().sum().item(), x.norm().item(), tensor([1.0, 2.0, 3.0, 4.0]).variance().item(), tensor([2.0, 4.0]).std().item())
            print(softmax(tensor([[0.0, 0.0]]), dim: 1), logSoftmax(tensor([[0.0, 0.0]]), dim: 1).shape)
            print(mseLoss(tensor([1.0, 2.0]), tensor([0.0, 4.0])).item())
            print(stack([x, x], dim: 1).shape)
            print(abs(-3), pow(2.0, 3))
            print(Sequential(Tanh())(tensor([0.0, 100.0, -100.0])))
            """)
        #expect(output == """
            tensor([2.0000, 0.5000, 3.0000]) tensor([4.0000, 0.2500, 9.0000]) tensor([-1.0000,  0.5000,  1.0000]) tensor([-2.,  0.,  0.])
            5.5 3.640054941177368 1.6666666269302368 1.4142135381698608
            tensor([[0.5000, 0.5000]]) [1, 2]
            2.5
            [3, 2]
            3 8.0
            tensor([ 0.,  1., -1.])

            """)
    }
}

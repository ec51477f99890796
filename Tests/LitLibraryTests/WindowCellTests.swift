import LitLanguage
import LitLibrary
import Testing

/// Padding, stride and pooling as the convolution chapters write them, with a tuple for a
/// window of different height and width.
@Suite struct WindowCellTests {
    func run(_ code: String) throws -> String {
        try ChapterSession(seed: 0).run(code, cell: 1).text
    }

    func error(_ code: String) -> String? {
        do { _ = try ChapterSession(seed: 0).run(code, cell: 1) } catch { return error.message.description }
        return nil
    }

    /// d2l's padding and stride section: the output shapes of four layers over 8×8.
    @Test func paddingAndStrideShapes() throws {
        let output = try run("""
            let X = rand(1, 1, 8, 8)
            for layer in [Conv2d(1, 1, kernelSize: 3, padding: 1), Conv2d(1, 1, kernelSize: (5, 3), padding: (2, 1)),
                          Conv2d(1, 1, kernelSize: 3, stride: 2, padding: 1),
                          Conv2d(1, 1, kernelSize: (3, 5), stride: (3, 4), padding: (0, 1))] {
                print(layer(X).shape, layer.weight.shape)
            }
            let conv = Conv2d(1, 1, kernelSize: (3, 5), stride: (3, 4), padding: (0, 1))
            print(conv.kernelSize, conv.stride, conv.padding)
            print(conv)
            """)
        #expect(output == """
            [1, 1, 8, 8] [1, 1, 3, 3]
            [1, 1, 8, 8] [1, 1, 5, 3]
            [1, 1, 4, 4] [1, 1, 3, 3]
            [1, 1, 2, 2] [1, 1, 3, 5]
            (3, 5) (3, 4) (0, 1)
            Conv2d(1, 1, kernelSize: (3, 5), stride: (3, 4), padding: (0, 1))

            """)
    }

    @Test func poolingWithARectangularWindow() throws {
        let output = try run("""
            let X = arange(16).reshape(1, 1, 4, 4)
            print(MaxPool2d(kernelSize: (2, 3), stride: (2, 3), padding: (0, 1))(X))
            print(maxPool2d(X, kernelSize: (2, 3), stride: (2, 3), padding: (0, 1)).shape)
            """)
        #expect(output == """
            tensor([[[[ 5.,  7.],
                      [13., 15.]]]])
            [1, 1, 2, 2]

            """)
    }

    /// d2l's "learning a kernel": a (1, 2) kernel without bias recovers [1, -1] from the
    /// edges it detects, by hand-written gradient descent.
    @Test func learnsTheEdgeDetector() throws {
        let output = try run("""
            let X = ones(6, 8)
            X[..., 2..<6] = 0
            let K = tensor([[1.0, -1.0]])
            let Y = zeros(6, 7)
            for i in 0..<6 {
                for j in 0..<7 { Y[i, j] = (X[i, j..<j + 2] * K).sum() }
            }
            let conv = Conv2d(1, 1, kernelSize: (1, 2), bias: false)
            let (x, y) = (X.reshape(1, 1, 6, 8), Y.reshape(1, 1, 6, 7))
            var loss = 0.0
            for epoch in 0..<10 {
                let l = (conv(x) - y).squared()
                conv.weight.grad = nil
                l.sum().backward()
                withoutGradients { conv.weight -= 0.03 * conv.weight.grad! }
                loss = l.sum().item()
            }
            print(loss < 0.1, (conv.weight.reshape(1, 2) - K).abs().max().item() < 0.1)
            """)
        #expect(output == "true true\n")
    }

    @Test func badWindowsSayWhatIsWrong() {
        #expect(error("Conv2d(1, 1, kernelSize: (0, 2))") == "'Conv2d' needs kernelSize of 1 or more, got 0")
        #expect(error("Conv2d(1, 1, kernelSize: 3, padding: (1, -1))") == "'Conv2d' needs padding of 0 or more, got -1")
        #expect(error("Conv2d(1, 1, kernelSize: (1, 2, 3))")
                == "cannot convert value of type '(Int, Int, Int)' to expected type 'Int or (Int, Int)'")
        #expect(error("MaxPool2d(kernelSize: (2, 3), padding: (0, 2))")
                == "'MaxPool2d' padding should be at most half the kernel size, got padding (0, 2) for kernel (2, 3)")
    }
}

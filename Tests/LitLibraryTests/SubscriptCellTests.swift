import LitLanguage
import LitLibrary
import Testing

/// `t[i, j]`, `t[a..<b, ...]` and assignment through them, as the convolution chapters
/// write them.
@Suite struct SubscriptCellTests {
    func run(_ code: String) throws -> String {
        try ChapterSession(seed: 0).run(code, cell: 1).text
    }

    func error(_ code: String) -> String? {
        do { _ = try ChapterSession(seed: 0).run(code, cell: 1) } catch { return error.message.description }
        return nil
    }

    @Test func positionsRangesAndWholeDimensions() throws {
        let output = try run("""
            let X = arange(24).reshape(2, 3, 4)
            print(X[1, 2])
            print(X[0, ..., 3], X[-1, 0, -1].item())
            print(X[..., 1..<3, 2...].shape, X[1][..<2, 0])
            let a = [1, 2, 3]
            print(a[...])
            """)
        #expect(output == """
            tensor([20., 21., 22., 23.])
            tensor([ 3.,  7., 11.]) 15.0
            [2, 2, 2] tensor([12., 16.])
            [1, 2, 3]

            """)
    }

    @Test func assignmentFillsAndBroadcastsEvenThroughALet() throws {
        let output = try run("""
            let X = ones(2, 8)
            X[..., 2..<6] = 0
            X[1, 0] = 7.5
            X[0] += arange(8)
            print(X)
            """)
        #expect(output == """
            tensor([[1.0000, 2.0000, 2.0000, 3.0000, 4.0000, 5.0000, 7.0000, 8.0000],
                    [7.5000, 1.0000, 0.0000, 0.0000, 0.0000, 0.0000, 1.0000, 1.0000]])

            """)
    }

    /// d2l's `corr2d` and its edge-detection example, with the kernel's gradient.
    @Test func corr2dComputesTheCrossCorrelationAndItsGradient() throws {
        let output = try run("""
            func corr2d(_ X: Tensor, _ K: Tensor) -> Tensor {
                let h = K.shape[0], w = K.shape[1]
                let Y = zeros(X.shape[0] - h + 1, X.shape[1] - w + 1)
                for i in 0..<Y.shape[0] {
                    for j in 0..<Y.shape[1] {
                        Y[i, j] = (X[i..<i + h, j..<j + w] * K).sum()
                    }
                }
                return Y
            }
            let K = Parameter(tensor([[0.0, 1.0], [2.0, 3.0]]))
            let Y = corr2d(tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]), K)
            print(Y.detached())
            Y.sum().backward()
            print(K.grad!)
            let edges = ones(2, 6)
            edges[..., 2..<4] = 0
            print(corr2d(edges, tensor([[1.0, -1.0]])))
            """)
        #expect(output == """
            tensor([[19., 25.],
                    [37., 43.]])
            tensor([[ 8., 12.],
                    [20., 24.]])
            tensor([[ 0.,  1.,  0., -1.,  0.],
                    [ 0.,  1.,  0., -1.,  0.]])

            """)
    }

    @Test func badSubscriptsSayWhatIsWrong() {
        #expect(error("let t = zeros(2, 3)\nprint(t[0, 1, 2])") == "3 indices for a tensor of rank 2")
        #expect(error("let t = zeros(2, 3)\nprint(t[..., 1..<5])") == "range 1..<5 is out of bounds for dimension 1 of size 3")
        #expect(error("let t = zeros(2, 3)\nprint(t[0.5])")
                == "a tensor is indexed with an Int or a range (2..<6, 2..., ...), not 'Double'")
        #expect(error("let t = zeros(2, 3)\nt[0] = \"x\"") == "cannot convert value of type 'String' to expected type 'Tensor'")
        #expect(error("let t = zeros(2, 3)\nt[..., 0] = ones(3)")
                == "cannot '[...] =' a tensor of shape [3] into one of shape [2] in place: the result must keep the target's shape")
        #expect(error("let p = Parameter(zeros(2))\np[0] = 1")?.hasPrefix("'[...] =' would change a tensor that requires a gradient") == true)
        #expect(error("let p = Parameter(zeros(2))\nwithoutGradients { p[0] = 1 }\nprint(p)") == nil)
    }
}

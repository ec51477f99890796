import LitLanguage
import LitLibrary
import Testing

/// From-scratch SGD as the course writes it: `p -= lr * p.grad!` inside `withoutGradients`.
@Suite struct InPlaceCellTests {
    func run(_ code: String) throws -> String {
        try ChapterSession(seed: 0).run(code, cell: 1).text
    }

    func error(_ code: String) -> String? {
        do { _ = try ChapterSession(seed: 0).run(code, cell: 1) } catch { return error.message.description }
        return nil
    }

    @Test func sgdFromScratchFindsTheLine() throws {
        // Noise-free data: gradient descent must find the weights that made it.
        let output = try run("""
            let trueW = tensor([[2.0], [-3.4]])
            let X = randn(100, 2)
            let y = matmul(X, trueW) + 4.2
            let w = Parameter(zeros([2, 1]))
            let b = Parameter(zeros([1]))
            for epoch in 0..<300 {
                let l = (matmul(X, w) + b - y).squared().mean()
                l.backward()
                withoutGradients {
                    for p in [w, b] {
                        p -= 0.1 * p.grad!
                        p.grad = nil
                    }
                }
            }
            print((w - trueW).abs().max().item() < 1e-4, (b - 4.2).abs().max().item() < 1e-4, w.requiresGrad)
            """)
        #expect(output == "true true true\n")
    }

    @Test func updatesChangeTheTensorEveryReferenceSees() throws {
        let output = try run("""
            let t = zeros([2, 3])
            let alias = t
            alias += tensor([1.0, 2.0, 3.0])
            alias *= 2
            alias -= 1
            alias /= tensor([[1.0], [2.0]])
            print(t)
            """)
        #expect(output == "tensor([[1.0000, 3.0000, 5.0000],\n        [0.5000, 1.5000, 2.5000]])\n")
    }

    @Test func withoutGradientsRecordsNoGraphAndGivesBackItsValue() throws {
        let output = try run("""
            let w = Parameter(ones([2]))
            let y = withoutGradients { w * 3 }
            print(y, y.requiresGrad, (w * 3).requiresGrad)
            """)
        #expect(output == "tensor([3., 3.]) false true\n")
    }

    @Test(arguments: [
        ("let w = Parameter(ones([2]))\nw -= 1",
         "'-=' would change a tensor that requires a gradient in place; update parameters inside withoutGradients { ... }, as PyTorch's torch.no_grad()"),
        ("let w = Parameter(ones([2]))\nvar total = zeros([2])\ntotal += w * 2",
         "'+=' in place cannot record the gradient of its right-hand side; write 'x = x + y' to keep the graph, or update inside withoutGradients { ... }"),
        ("let t = zeros([2])\nt += ones([2, 2])",
         "cannot '+=' a tensor of shape [2, 2] into one of shape [2] in place: the result must keep the target's shape"),
        ("let t = zeros([2])\nt += \"a\"", "binary operator '+=' cannot be applied to operands of type 'Tensor' and 'String'"),
    ])
    func refusedUpdatesSayWhy(_ code: String, _ message: String) {
        #expect(error(code) == message)
    }
}

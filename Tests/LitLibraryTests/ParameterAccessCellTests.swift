import LitLanguage
import LitLibrary
import Testing

/// Parameter access and initialisation as the course's chapter on them writes it.
@Suite struct ParameterAccessCellTests {
    func run(_ code: String, seed: UInt64 = 0) throws -> String {
        try ChapterSession(seed: seed).run(code, cell: 1).text
    }

    @Test func namedParametersAreNamedAsPyTorchNamesThem() throws {
        let output = try run("""
            class MLP: Module {
                let hidden = Linear(20, 256)
                let output = Linear(256, 10)
                override func forward(_ X: Tensor) -> Tensor { output(relu(hidden(X))) }
            }
            let shared = Linear(8, 8)
            let net = Sequential(Linear(4, 8), ReLU(), shared, ReLU(), shared, Linear(8, 1, bias: false))
            for (name, p) in net.namedParameters() { print(name, p.shape) }
            print(MLP().namedParameters().map { $0.0 })
            """)
        #expect(output == """
            0.weight [8, 4]
            0.bias [8]
            2.weight [8, 8]
            2.bias [8]
            5.weight [1, 8]
            ["hidden.weight", "hidden.bias", "output.weight", "output.bias"]

            """)
    }

    @Test func applyVisitsChildrenBeforeTheirParent() throws {
        let output = try run("""
            let net = Sequential(Linear(4, 8), Sequential(ReLU(), Linear(8, 2)))
            var counts: [Int] = []
            net.apply { m in counts.append(m.parameters().count) }
            print(counts)
            """)
        // Children first: Linear(4, 8), ReLU, Linear(8, 2), their Sequential, then the outer one.
        #expect(output == "[2, 0, 2, 2, 4]\n")
    }

    @Test func initialisersFillInPlaceFromTheChapterGenerator() throws {
        let code = """
            let net = Sequential(Linear(400, 500))
            let w = net[0].weight
            w.fillNormal(mean: 0.5, std: 0.01)
            net[0].bias!.fill(3)
            print(abs(w.mean().item() - 0.5) < 0.001, abs(w.std().item() - 0.01) < 0.0005, -(-net[0].bias!).max().item(), net[0].bias!.max().item())
            let u = zeros([10000])
            u.fillUniform(from: -2, to: 3)
            print((u .< -2).sum().item() == 0, (u .>= 3).sum().item() == 0, abs(u.mean().item() - 0.5) < 0.05, w.requiresGrad)
            let r = randn(200, 100, mean: 1, std: 0.1)
            print(r.shape, abs(r.mean().item() - 1) < 0.002, abs(r.std().item() - 0.1) < 0.002)
            print(w[0][0].item())
            """
        let first = try run(code)
        let lines = first.split(separator: "\n")
        #expect(lines.prefix(3) == ["true true 3.0 3.0", "true true true true", "[200, 100] true true"])
        // The same seed draws the same values; another seed, others.
        #expect(try run(code) == first)
        #expect(try run(code, seed: 1).split(separator: "\n").last != lines.last)
    }

    @Test func dropoutLayersDrawFromTheChapterGenerator() throws {
        let code = """
            let net = Sequential(Linear(4, 200), Dropout(0.5))
            let X = ones([50, 4])
            let trained = net(X)
            let zeroed = (trained .== 0).mean().item()
            print(zeroed > 0.45, zeroed < 0.55)
            net.eval()
            print((net(X) .== 0).mean().item() < 0.05, net)
            print(trained.sum().item())
            """
        let output = try run(code)
        #expect(output.hasPrefix("true true\ntrue Sequential(\n  (0): Linear(4, 200)\n  (1): Dropout(p=0.5)\n)\n"))
        #expect(try run(code) == output)
        #expect(try run(code, seed: 3) != output)
    }

    @Test func aDropoutProbabilityOutsideZeroToOneIsRefused() {
        do {
            _ = try run("let d = Dropout(1.5)")
            Issue.record("Dropout(1.5) was accepted")
        } catch let error as LanguageError {
            #expect(error.message.description == "'Dropout' needs a probability from 0 to 1, got 1.5")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

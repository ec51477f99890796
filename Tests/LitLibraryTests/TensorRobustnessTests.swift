import LitLanguage
import LitLibrary
import LitRandom
import LitTestSupport
import Testing

/// Random chains of tensor operations on random shapes (including empty and rank-0
/// tensors, bad dims and bad sizes) must end in a value or a clear error, never a crash.
@Suite struct TensorRobustnessTests {
    private struct Generator {
        var random: SplitMix64

        mutating func pick<T>(_ items: [T]) -> T { items[random.below(items.count)] }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + random.below(range.count) }

        mutating func tensor() -> String {
            let sizes = (0..<int(0...4)).map { _ in String(pick([0, 1, 1, 2, 3, 4, 5])) }
            return pick(["rand", "randn", "zeros", "ones"]) + "(" + (sizes.isEmpty ? "[]" : sizes.joined(separator: ", ")) + ")"
        }

        mutating func operation(_ a: String, _ b: String) -> String {
            switch int(0...19) {
            case 0: return "\(a) + \(b)"
            case 1: return "\(a) * \(b) - 2.5"
            case 2: return "3 / \(a)"
            case 3: return pick(["sqrt", "exp", "log", "relu", "sigmoid", "tanh"]) + "(\(a))"
            case 4: return "\(a).sum(dims: [\(int(-2...3)), \(int(-2...3))], keepDim: \(pick(["true", "false"])))"
            case 5: return "\(a).mean(dim: \(int(-3...3)))"
            case 6: return "\(a).\(pick(["max", "argmax"]))(dim: \(int(-1...3)))"
            case 7: return "\(a).reshape(\(int(-1...6)), \(int(-1...6)))"
            case 8: return "\(a).flatten(from: \(int(-1...3)))"
            case 9: return "cat([\(a), \(b)], dim: \(int(-1...3)))"
            case 10: return "\(a).transposed()"
            case 11: return "\(a)[\(int(-3...5))]"
            case 12: return "\(a)[\(int(0...2))..<\(int(2...5))]"
            case 13: return "matmul(\(a), \(b))"
            case 14: return "conv2d(\(a), \(b), stride: \(int(0...3)), padding: \(int(-1...3)))"
            case 15: return "maxPool2d(\(a), kernelSize: \(int(0...4)), stride: \(int(1...3)), padding: \(int(0...2)))"
            case 16: return "avgPool2d(\(a), kernelSize: \(int(0...4)))"
            case 17: return "crossEntropy(\(a), tensor([0, 1]))"
            case 18: return "globalAvgPool2d(\(a))"
            default: return "Parameter(\(a)).squared().sum()"
            }
        }

        mutating func program() -> String {
            var lines: [String] = []
            for i in 0..<int(1...5) {
                let a = i > 0 && int(0...1) == 0 ? "v\(i - 1)" : tensor()
                let b = i > 0 && int(0...1) == 0 ? "v\(i - 1)" : tensor()
                lines.append("let v\(i) = \(operation(a, b))")
            }
            lines.append("print(v\(lines.count - 1))")
            lines.append("let p = Parameter(rand(2, 3))\nlet q = (\(operation("p", "p"))).sum()\nq.backward()\nprint(p.grad)")
            return lines.joined(separator: "\n")
        }
    }

    @Test func randomTensorProgramsNeverCrash() {
        var generator = Generator(random: SplitMix64(seed: 2024))
        var finished = 0, failed = 0
        for _ in 0..<400 {
            let program = generator.program()
            do {
                _ = try ChapterSession(seed: 0).run(program, cell: 1, timeout: 10)
                finished += 1
            } catch {
                #expect(error.offset >= 0, "an error without a position in:\n\(program)\n\(error.message.text)")
                failed += 1
            }
        }
        // Both outcomes must actually occur, or the generator is not exploring.
        #expect(finished > 20 && failed > 20, "finished \(finished), failed \(failed)")
    }
}

/// Outputs larger than their inputs (broadcasting, matrix products) stop at the tensor size
/// limit with an error at the operation, instead of an allocation that ends the process.
@Suite struct TensorSizeLimitTests {
    @Test func broadcastingPastTheLimitIsAnError() throws {
        let code = "let a = zeros(1048576, 1)\nlet b = zeros(1, 1048576)\nlet c = a + b"
        let error = try #require(failure(code))
        #expect(error.message.text == "'+' would make a tensor of shape [1048576, 1048576], more than 2^31 elements")
        #expect(error.offset == code.utf8Offset(of: "+"))
    }

    @Test func aMatrixProductPastTheLimitIsAnError() throws {
        let code = "let a = zeros(65536, 1)\nlet b = zeros(1, 65536)\nlet c = matmul(a, b)"
        let error = try #require(failure(code))
        #expect(error.message.text == "'matmul' would make a tensor of shape [65536, 65536], more than 2^31 elements")
        // Products inside the limit are made as before.
        #expect(try output("print(matmul(zeros(2, 1), zeros(1, 3)).shape)") == "[2, 3]\n")
    }
}

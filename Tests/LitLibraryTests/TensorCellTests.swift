import Foundation
import LitLanguage
import LitLibrary
import LitTensor
import LitTestSupport
import Testing

/// Tensors as cells see them: the seed's batchNorm listing, autograd, and where tensor
/// errors are reported.
@Suite struct TensorCellTests {
    static let batchNorm = """
        func batchNorm(_ X: Tensor, gamma: Tensor, beta: Tensor, movingMean: Tensor, movingVar: Tensor,
                       eps: Double, momentum: Double, isTraining: Bool) -> (Tensor, Tensor, Tensor) {
            if !isTraining {
                let XHat = (X - movingMean) / sqrt(movingVar + eps)
                return (gamma * XHat + beta, movingMean, movingVar)
            }
            precondition(X.rank == 2 || X.rank == 4)
            let dims = X.rank == 2 ? [0] : [0, 2, 3]
            let mean = X.mean(dims: dims, keepDim: true)
            let variance = ((X - mean) * (X - mean)).mean(dims: dims, keepDim: true)
            let XHat = (X - mean) / sqrt(variance + eps)
            let newMean = momentum * movingMean + (1.0 - momentum) * mean
            let newVar = momentum * movingVar + (1.0 - momentum) * variance
            return (gamma * XHat + beta, newMean.detached(), newVar.detached())
        }

        """

    func run(_ code: String) throws -> String {
        try ChapterSession(seed: 0).run(code, cell: 1).text
    }

    func error(_ code: String) -> LanguageError? {
        do { _ = try ChapterSession(seed: 0).run(code, cell: 1) } catch { return error }
        return nil
    }

    /// The lines of `text` after the first `skip`, each split into Doubles.
    func numbers(_ text: String, skip: Int = 0) -> [[Double]] {
        text.split(separator: "\n").dropFirst(skip).map { $0.split(separator: " ").compactMap { Double($0) } }
    }

    /// torch.arange's three forms: up to the end, from a start, and by a step.
    @Test func arangeFromAStartByAStep() throws {
        let output = try run("""
            print(arange(4), arange(1, 6), arange(-1.0, 1.0, 0.5), arange(2.5), arange(5, 1).shape)
            print(arange(-8.0, 8.0, 0.1).shape, arange(3, 0, -1))
            """)
        #expect(output == """
            tensor([0., 1., 2., 3.]) tensor([1., 2., 3., 4., 5.]) tensor([-1.0000, -0.5000,  0.0000,  0.5000]) \
            tensor([0., 1., 2.]) [0]
            [160] tensor([3., 2., 1.])

            """)
        #expect(error("arange(0, 1, 0)")?.message.description
                == "'arange' needs finite bounds, a finite step other than 0 and fewer than 2^31 values; the step is 0.0")
    }

    @Test func batchNormTrainingNormalizesEachChannel() throws {
        let code = TensorCellTests.batchNorm + """
            let X = rand(4, 3, 6, 6)
            let (Y, newMean, newVar) = batchNorm(X, gamma: ones([1, 3, 1, 1]), beta: zeros([1, 3, 1, 1]),
                movingMean: zeros([1, 3, 1, 1]), movingVar: ones([1, 3, 1, 1]), eps: 1e-5, momentum: 0.9, isTraining: true)
            print(Y.shape)
            let m = Y.mean(dims: [0, 2, 3], keepDim: true)
            let means = Y.mean(dims: [0, 2, 3])
            let variances = ((Y - m) * (Y - m)).mean(dims: [0, 2, 3])
            let xm = X.mean(dims: [0, 2, 3], keepDim: true)
            let xMeans = X.mean(dims: [0, 2, 3])
            let xVars = ((X - xm) * (X - xm)).mean(dims: [0, 2, 3])
            for c in 0..<3 {
                print(means[c].item(), variances[c].item(), xMeans[c].item(), xVars[c].item(),
                      newMean[0][c][0][0].item(), newVar[0][c][0][0].item())
            }
            """
        let text = try run(code)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "[4, 3, 6, 6]", "\(text)")
        let rows = numbers(text, skip: 1)
        #expect(rows.count == 3 && rows.allSatisfy { $0.count == 6 }, "\(text)")
        for (c, row) in rows.enumerated() where row.count == 6 {
            #expect(abs(row[0]) <= 1e-5, "channel \(c) mean \(row[0])")
            #expect(abs(row[1] - 1) <= 1e-3, "channel \(c) variance \(row[1])")
            // rand draws from [0, 1): a channel's mean is near 1/2, its variance near 1/12.
            #expect(abs(row[2] - 0.5) < 0.1 && abs(row[3] - 1.0 / 12) < 0.03, "channel \(c) of X: \(row[2]), \(row[3])")
            // The moving statistics move 10% of the way to the batch's.
            #expect(abs(row[4] - 0.1 * row[2]) <= 1e-6, "channel \(c) moving mean \(row[4])")
            #expect(abs(row[5] - (0.9 + 0.1 * row[3])) <= 1e-6, "channel \(c) moving variance \(row[5])")
        }
    }

    @Test func batchNormMovingStatisticsAreDetachedChannelVectors() throws {
        let code = TensorCellTests.batchNorm + """
            let X = Parameter(rand(4, 3, 6, 6))
            let (Y, newMean, newVar) = batchNorm(X, gamma: Parameter(ones([1, 3, 1, 1])), beta: zeros([1, 3, 1, 1]),
                movingMean: zeros([1, 3, 1, 1]), movingVar: ones([1, 3, 1, 1]), eps: 1e-5, momentum: 0.9, isTraining: true)
            print(newMean.shape, newVar.shape)
            print(Y.requiresGrad, newMean.requiresGrad, newVar.requiresGrad)
            """
        #expect(try run(code) == "[1, 3, 1, 1] [1, 3, 1, 1]\ntrue false false\n")
    }

    @Test func batchNormOfAMatrixNormalizesEachColumn() throws {
        let code = TensorCellTests.batchNorm + """
            let X = rand(8, 5) * 4 + 1
            let (Y, newMean, newVar) = batchNorm(X, gamma: ones([1, 5]), beta: zeros([1, 5]),
                movingMean: zeros([1, 5]), movingVar: ones([1, 5]), eps: 1e-5, momentum: 0.9, isTraining: true)
            print(Y.shape, newMean.shape)
            let m = Y.mean(dims: [0], keepDim: true)
            let means = Y.mean(dims: [0])
            let variances = ((Y - m) * (Y - m)).mean(dims: [0])
            for c in 0..<5 { print(means[c].item(), variances[c].item()) }
            """
        let text = try run(code)
        #expect(text.hasPrefix("[8, 5] [1, 5]\n"), "\(text)")
        let rows = numbers(text, skip: 1)
        #expect(rows.count == 5 && rows.allSatisfy { $0.count == 2 }, "\(text)")
        for row in rows where row.count == 2 {
            #expect(abs(row[0]) <= 1e-5 && abs(row[1] - 1) <= 1e-3, "\(row)")
        }
    }

    @Test func batchNormEvaluationUsesTheMovingStatistics() throws {
        let code = TensorCellTests.batchNorm + """
            let X = rand(4, 3, 6, 6)
            let (Y, newMean, newVar) = batchNorm(X, gamma: ones([1, 3, 1, 1]), beta: zeros([1, 3, 1, 1]),
                movingMean: zeros([1, 3, 1, 1]), movingVar: ones([1, 3, 1, 1]), eps: 1e-5, momentum: 0.9, isTraining: false)
            print(Y.shape, newMean.shape)
            for i in 0..<4 {
                print(X[i][i % 3][i + 1][5 - i].item(), Y[i][i % 3][i + 1][5 - i].item())
            }
            """
        let text = try run(code)
        #expect(text.hasPrefix("[4, 3, 6, 6] [1, 3, 1, 1]\n"), "\(text)")
        let rows = numbers(text, skip: 1)
        #expect(rows.count == 4, "\(text)")
        for row in rows where row.count == 2 {
            let expected = row[0] / Foundation.sqrt(1 + 1e-5)
            #expect(abs(row[1] - expected) <= 1e-6 * abs(expected) + 1e-9, "\(row[1]) vs \(expected)")
            #expect(row[0] != row[1] || row[0] == 0)
        }
    }

    @Test func backwardInACell() throws {
        let code = "let w = Parameter(tensor([1.0, 2.0, 3.0]))\nlet loss = (w * w).sum()\nloss.backward()\nprint(w.grad!)"
        #expect(try run(code) == "tensor([2., 4., 6.])\n")
    }

    @Test func tensorsDisplayAsInPyTorch() throws {
        #expect(try run("tensor([[1, 2], [3, 4]])") == "tensor([[1., 2.],\n        [3., 4.]])\n")
        #expect(try run("(tensor([1.5, 2.5]) * 2).sum()") == "tensor(8.)\n")
    }

    @Test func scalarsOnEitherSideAndNegation() throws {
        let code = "let t = tensor([1, 2])\nprint(2 - t, t / 2, 3 * t + 1, -t)"
        #expect(try run(code) == "tensor([1., 0.]) tensor([0.5000, 1.0000]) tensor([4., 7.]) tensor([-1., -2.])\n")
    }

    @Test func iterationAndIntegerIndexingWalkTheFirstDimension() throws {
        let code = "let t = tensor([[1, 2], [3, 4], [5, 6]])\nfor row in t { print(row) }\nprint(t[-1], t[1][0].item())"
        #expect(try run(code) == "tensor([1., 2.])\ntensor([3., 4.])\ntensor([5., 6.])\ntensor([5., 6.]) 3.0\n")
    }

    @Test func boundedRangesSelectRows() throws {
        let code = "let t = tensor([[1, 2], [3, 4], [5, 6]])\nprint(t[0..<2])\nprint(t[1...2].shape, t[2..<2].shape)"
        #expect(try run(code) == "tensor([[1., 2.],\n        [3., 4.]])\n[2, 2] [0, 2]\n")
    }

    @Test func oneSidedRangesSelectRowsAsForArrays() throws {
        // As `xs[1...]` and `xs[..<2]` do for arrays: from 1 to the end, and the first two.
        let code = "let t = tensor([[1, 2], [3, 4], [5, 6]])\nprint(t[1...].shape, t[..<2].shape, t[...0].shape)\nprint(t[1...])"
        #expect(try run(code) == "[2, 2] [2, 2] [1, 2]\ntensor([[3., 4.],\n        [5., 6.]])\n")
    }

    // MARK: Errors

    @Test func shapeMismatchIsReportedAtTheOperator() throws {
        let code = "let a = rand(2, 3)\nlet b = rand(4)\nlet c = a + b"
        let failure = try #require(error(code))
        #expect(failure.message == .library(TensorError.cannotBroadcast(verb: "add", [2, 3], [4])))
        #expect(failure.offset == code.utf8Offset(of: "+"))
    }

    @Test func tensorErrorsReachTheCell() throws {
        let cases: [(String, TensorError)] = [
            ("rand(2,3).reshape(4, 2)", .reshapeCount(from: [2, 3], to: [4, 2])),
            ("rand(2,3).sum(dim: 5)", .invalidDimension(5, rank: 2)),
            ("rand(2,3)[7]", .indexOutOfRange(index: 7, size: 2)),
            ("Parameter(rand(2,3)).backward()", .backwardFromNonScalar([2, 3])),
            ("let x = zeros(2, 3)\nlet y = x.max(dim: -3)", .invalidDimension(-3, rank: 2)),
        ]
        for (code, expected) in cases {
            let failure = error(code)
            #expect(failure?.message == .library(expected), "\(code): \(String(describing: failure?.message))")
            #expect(failure.map { $0.offset >= 0 && $0.offset < code.utf8.count } == true, "\(code): offset \(String(describing: failure?.offset))")
        }
    }
}

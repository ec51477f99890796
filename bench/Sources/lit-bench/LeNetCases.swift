import LitDocument
import LitLibrary
import LitNN
import LitRandom
import LitTensor

/// LeNet training steps and evaluation, through the code that `train` runs in a chapter:
/// `Trainer.step` (forward, cross-entropy, backward, Adam) and `Trainer.correctPredictions`.
/// The from-scratch BatchNorm variant builds its model by running chapters/batchnorm.md's
/// cells in the interpreter, so its BatchNorm layers are cell code, as in the chapter.
enum LeNetCases {
    static let batch = 16
    static let batchPool = 64

    static func all() -> [(String, () -> BenchCase)] {
        [
            ("lenet-builtin-bn", { training(builtInLeNet()) }),
            ("lenet-scratch-bn", { training(scratchLeNet()) }),
            ("lenet-builtin-bn-eval", { evaluation(builtInLeNet()) }),
            ("lenet-scratch-bn-eval", { evaluation(scratchLeNet()) }),
        ]
    }

    /// LeNet's forward and backward multiply-adds per step, as performance.md counts them.
    static let gflop = 0.024

    private static func training(_ net: Module) -> BenchCase {
        var benchCase = BenchCase.trainingStep(net, batches: pool())
        benchCase.gflop = gflop
        return benchCase
    }

    private static func evaluation(_ net: Module) -> BenchCase {
        var benchCase = BenchCase.evaluation(net, batches: pool())
        benchCase.gflop = gflop / 3
        return benchCase
    }

    /// Images in [0, 1) and labels 0...9, made once per case.
    private static func pool() -> [(Tensor, Tensor)] {
        var random = SplitMix64(seed: 1)
        return (0..<batchPool).map { _ in
            let labels = (0..<batch).map { _ in Float(Int.random(in: 0..<10, using: &random)) }
            return (Tensor.rand([batch, 1, 28, 28], using: &random), Tensor(shape: [batch], scalars: labels))
        }
    }

    static func builtInLeNet() -> Module {
        var random = SplitMix64(seed: 0)
        return Sequential(
            Conv2d(1, 6, kernelSize: 5, using: &random), BatchNorm2d(6), Sigmoid(), MaxPool2d(kernelSize: 2, stride: 2),
            Conv2d(6, 16, kernelSize: 5, using: &random), BatchNorm2d(16), Sigmoid(), MaxPool2d(kernelSize: 2, stride: 2),
            Flatten(),
            Linear(16 * 4 * 4, 120, using: &random), BatchNorm1d(120), Sigmoid(),
            Linear(120, 84, using: &random), BatchNorm1d(84), Sigmoid(),
            Linear(84, 10, using: &random))
    }

    /// The sessions stay alive as long as their models: cell modules run in them.
    nonisolated(unsafe) private static var sessions: [ChapterSession] = []

    static func scratchLeNet() -> Module {
        module(from: scratchLeNetSource, chapter: chapterPath)
    }

    /// The module that `code`, run as one cell of a fresh session, ends with.
    static func module(from code: String, chapter: String) -> Module {
        let session = ChapterSession(seed: 0)
        sessions.append(session)
        do {
            let result = try session.run(code, cell: 1)
            guard case .native(let net as Module)? = result.displayed else { fail("\(chapter): the cells did not produce a module") }
            return net
        } catch {
            fail("\(chapter): the model's cells failed: \(error)")
        }
    }

    /// The chapter the from-scratch model comes from, relative to the repository root.
    static let chapterPath = "chapters/batchnorm.md"

    /// The chapter's first three cells (the batchNorm function, the BatchNorm class and
    /// the LeNet `net`), then `net` as the cell's value.
    static var scratchLeNetSource: String {
        do {
            let chapter = try Chapter.read(path: chapterPath)
            return chapter.cells.prefix(3).map(\.code).joined(separator: "\n") + "\nnet\n"
        } catch {
            fail("cannot read \(chapterPath) (run from the repository root): \(error)")
        }
    }
}

import LitDocument
import LitLibrary
import LitNN
import LitRandom
import LitTensor

/// The lesson's four models, trained and evaluated through the code that `train` runs in
/// a chapter: `Trainer.step` (forward, cross-entropy, backward, Adam at lr 0.001) and
/// `Trainer.correctPredictions` (eval mode, no graph). ResNet-18 and DenseNet are built by
/// running their chapters' cells, so their residual and dense blocks are cell classes,
/// as in the chapters. Named as in torch_models.py.
enum ModelCases {
    /// Each model with the input size its chapter trains at.
    static let models: [(name: String, imageSize: Int, make: @Sendable () -> Module)] = [
        ("lenet-builtin-bn", 28, LeNetCases.builtInLeNet),
        ("lenet-scratch-bn", 28, LeNetCases.scratchLeNet),
        ("resnet18", 28, { chapterModel("chapters/resnet.md") }),
        ("densenet", 96, { chapterModel("chapters/densenet.md") }),
    ]

    static let trainingBatch = 16
    static let evaluationBatches = [16, 256]

    static func all() -> [(String, () -> BenchCase)] {
        var cases: [(String, () -> BenchCase)] = []
        for model in models where !model.name.hasPrefix("lenet") {
            cases.append((model.name, { training(model.make(), imageSize: model.imageSize) }))
        }
        for model in models {
            for batch in evaluationBatches {
                cases.append(("\(model.name)-eval-\(batch)", { evaluation(model.make(), imageSize: model.imageSize, batch: batch) }))
            }
        }
        return cases
    }

    private static func training(_ net: Module, imageSize: Int) -> BenchCase {
        BenchCase.trainingStep(net, batches: pool(batch: trainingBatch, imageSize: imageSize))
    }

    private static func evaluation(_ net: Module, imageSize: Int, batch: Int) -> BenchCase {
        BenchCase.evaluation(net, batches: pool(batch: batch, imageSize: imageSize, count: 2))
    }

    /// Images in [0, 1) and labels 0...9. The values do not change the work.
    private static func pool(batch: Int, imageSize: Int, count: Int = 4) -> [(Tensor, Tensor)] {
        var random = SplitMix64(seed: 1)
        return (0..<count).map { _ in
            let labels = (0..<batch).map { _ in Float(random.below(10)) }
            return (Tensor.rand([batch, 1, imageSize, imageSize], using: &random), Tensor(shape: [batch], scalars: labels))
        }
    }

    /// The chapter's `net`, built by its cells up to the one that loads the data.
    private static func chapterModel(_ path: String) -> Module {
        let cells: [String]
        do {
            cells = try Chapter.read(path: path).cells.map(\.code)
        } catch {
            fail("cannot read \(path) (run from the repository root): \(error)")
        }
        let modelCells = cells.prefix { !$0.contains("loadFashionMNIST") }
        return LeNetCases.module(from: modelCells.joined(separator: "\n") + "\nnet\n", chapter: path)
    }
}

extension BenchCase {
    /// One step of `train`'s loop (`Trainer.step`: forward, cross-entropy, backward, Adam
    /// at lr 0.001) per iteration, each on the next batch.
    static func trainingStep(_ net: Module, batches: [(Tensor, Tensor)]) -> BenchCase {
        let optimizer = Adam(net.parameters(), learningRate: 0.001)
        var next = 0
        return BenchCase(step: {
            let (X, y) = batches[next % batches.count]
            next += 1
            _ = try Trainer.step(net, images: X, labels: y, optimizer: optimizer)
        }, images: batches[0].0.shape[0])
    }

    /// One batch of `train`'s evaluation (eval mode, no graph) per iteration.
    static func evaluation(_ net: Module, batches: [(Tensor, Tensor)]) -> BenchCase {
        net.eval()
        var next = 0
        return BenchCase(step: {
            let (X, y) = batches[next % batches.count]
            next += 1
            _ = try Trainer.correctPredictions(net, images: X, labels: y)
        }, images: batches[0].0.shape[0])
    }
}

import Foundation
import Lit
import LitDocument
import LitLanguage
import LitLibrary
import LitNN
import LitTensor
import LitTestSupport
import Testing

/// A long training run is never cut short by default, and one stopped by `--timeout` keeps
/// the table and curve of the epochs that finished, followed by the error.
@Suite struct StoppedTrainingTests {
    @Test func thereIsNoTimeLimitByDefault() {
        #expect(RunOptions.defaultTimeout == nil)
        #expect(RunOptions().timeout == nil)
    }

    /// A model whose forward pass burns interpreter time, so that a one-second limit falls
    /// in the middle of a run of many short epochs over the five-image fixture.
    static let slowTraining = """
        class Slow: Module {
            let fc: Linear
            init() {
                fc = Linear(784, 10)
                super.init()
            }
            override func forward(_ X: Tensor) -> Tensor {
                var total = 0
                for i in 0..<20000 { total += i }
                return fc(X.flatten(from: 1))
            }
        }
        let net = Slow()
        let (trainIter, testIter) = loadFashionMNIST(batchSize: 5)
        train(net, trainIter, testIter, optimizer: SGD(net.parameters(), lr: 0.1), epochs: 1000000)
        """

    /// Writes `text` as chapter `name` beside the fixture data set, runs it in place with
    /// `timeout`, and returns the exit status and stderr.
    private static func run(_ text: String, named name: String, in directory: URL, timeout: Double) throws
        -> (status: ChapterJob.ExitStatus, errors: String, path: String) {
        let path = directory.appendingPathComponent(name).path
        let console = CapturedConsole()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let options = RunOptions(seed: 0, timeout: timeout, library: LibrarySettings(dataDirectory: directory.path))
        return (ChapterJob.run(path, options: options, to: .inPlace, console: console.console), console.errors, path)
    }

    @Test func aTimedOutTrainingKeepsItsFinishedEpochs() throws {
        let directory = try FashionMNISTFixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, errors, path) = try Self.run("# Stopped\n\n```swift\n\(Self.slowTraining)\n```\n", named: "stopped.md",
                                              in: directory, timeout: 1)
        #expect(status == .cellFailed)
        #expect(errors.contains("error: cell 1 ran longer than the 1 s timeout"), "\(errors)")

        let written = try Chapter.read(path: path)
        let block = try #require(written.cells[0].output)
        #expect(block.marker.status == .error)
        let lines = block.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("| epoch | loss |") }, "no table in\n\(block.body)")
        let rows = lines.filter { $0.range(of: #"^\| [0-9]+ \| "#, options: .regularExpression) != nil }
        #expect(rows.count >= 1)
        #expect(rows.first?.hasPrefix("| 1 | ") == true)
        let figure = try #require(lines.firstIndex { $0.hasPrefix("![Training curve") && $0.contains("stopped.assets/cell-1-training.svg") })
        let note = try #require(lines.firstIndex { $0.hasPrefix("Training stopped in epoch \(rows.count + 1) of 1000000;") })
        let error = try #require(lines.firstIndex { $0.contains("error: cell 1 ran longer than the 1 s timeout") })
        #expect(header < figure && figure < note && note < error, "table, curve, note, then the error")
        let svg = try String(contentsOfFile: directory.appendingPathComponent("stopped.assets/cell-1-training.svg").path, encoding: .utf8)
        #expect(XMLTree.parse(svg)?.name == "svg")
    }

    @Test func aTrainingStoppedBeforeItsFirstEpochShowsOnlyTheError() throws {
        let directory = try FashionMNISTFixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let settings = LibrarySettings(dataDirectory: directory.path)
        let interpreter = ChapterSession(seed: 0, settings: settings)
        let code = Self.slowTraining.replacingOccurrences(of: "0..<20000", with: "0..<100000000")
        #expect(throws: LanguageError.self) { try interpreter.run(code, cell: 1, timeout: 0.5) }
        #expect(interpreter.emittedItems.isEmpty)
    }

    /// A model whose logits turn infinite after its fifth call: the first epoch's three
    /// training and two test batches are fine, the second epoch's first loss is NaN.
    static let divergingTraining = """
        class Diverging: Module {
            let fc = Linear(784, 10)
            var calls = 0
            override func forward(_ X: Tensor) -> Tensor {
                calls += 1
                let logits = fc(X.flatten(from: 1))
                return calls > 5 ? logits / 0.0 : logits
            }
        }
        let net = Diverging()
        let (trainIter, testIter) = loadFashionMNIST(batchSize: 2)
        train(net, trainIter, testIter, optimizer: SGD(net.parameters(), lr: 0.1), epochs: 3)
        """

    @Test func aLossThatIsNotFiniteStopsTrainingAndNamesTheBatch() throws {
        let directory = try FashionMNISTFixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, errors, path) = try Self.run("```swift\n\(Self.divergingTraining)\n```\n", named: "diverging.md",
                                              in: directory, timeout: 60)
        #expect(status == .cellFailed)
        let message = "error: the training loss became NaN in epoch 2, batch 1, so training stopped; "
            + "try a lower learning rate, and check the data and the model for values that overflow"
        #expect(errors.contains(message), "\(errors)")
        let block = try #require(try Chapter.read(path: path).cells[0].output)
        let rows = block.body.split(separator: "\n").filter { $0.range(of: #"^\| [0-9]+ \| "#, options: .regularExpression) != nil }
        #expect(rows.count == 1 && rows[0].hasPrefix("| 1 | "), "\(block.body)")
        #expect(block.body.contains("Training stopped in epoch 2 of 3; the table shows the 1 that finished."))
        #expect(block.body.contains(message))
    }
}

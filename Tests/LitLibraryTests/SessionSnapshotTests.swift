import Foundation
import LitArchive
import LitLanguage
import LitLibrary
import LitRandom
import LitTensor
import LitTestSupport
import Testing

/// A session saved after some cells and restored into a fresh one: every later cell then
/// prints exactly what it prints in the session that ran them all, for tensors, layers,
/// optimizers and data loaders.
@Suite struct SessionSnapshotTests {
    static func snapshot(of session: ChapterSession) throws -> [UInt8] {
        var writer = SnapshotWriter()
        try session.save(into: &writer)
        return writer.bytes
    }

    static func restored(_ bytes: [UInt8], cells: [String], settings: LibrarySettings) throws -> ChapterSession {
        let session = ChapterSession(seed: 3, settings: settings)
        var reader = SnapshotReader(bytes)
        try session.restore(from: &reader, skippedCells: cells.enumerated().map { ($0.offset + 1, $0.element) })
        try reader.expectEnd()
        return session
    }

    static func outcome(_ session: ChapterSession, _ code: String, cell: Int) -> String {
        do {
            return try session.run(code, cell: cell).text
        } catch {
            return "error: \(error.message)"
        }
    }

    /// Runs `before`, saves, restores into a fresh session, then runs `after` in both and
    /// expects the same output from each cell.
    static func expectResumesExactly(before: [String], after: [String],
                                     settings: LibrarySettings = LibrarySettings()) throws {
        let original = ChapterSession(seed: 3, settings: settings)
        for (index, code) in before.enumerated() { _ = try original.run(code, cell: index + 1) }
        let resumed = try restored(try snapshot(of: original), cells: before, settings: settings)
        for (index, code) in after.enumerated() {
            let cell = before.count + index + 1
            let expected = outcome(original, code, cell: cell)
            #expect(outcome(resumed, code, cell: cell) == expected, "cell \(cell): \(code)")
        }
    }

    @Test func tensorsKeepValuesGradientsAndSharedBuffers() throws {
        try Self.expectResumesExactly(
            before: ["let t = randn(3) * 1e-3", "let p = Parameter(t)\nlet v = t.reshape(3, 1)\nlet opt = SGD([p], lr: 0.5)",
                     "(p * p).sum().backward()\nlet tiny = tensor([1e-42, -0.0, 3.5])"],
            after: ["print(t, v, p.grad!, p.requiresGrad, t.requiresGrad, tiny)",
                    // The step writes into p's buffer, which t and v share.
                    "opt.step()\nprint(t, v, p)"])
    }

    @Test func loadersOverTensorsKeepTheirTensorsAndPasses() throws {
        try Self.expectResumesExactly(
            before: ["let features = randn(7, 2)\nlet labels = arange(7)\nlet iter = DataLoader(features, labels, batchSize: 3, shuffle: true)",
                     "for (X, y) in iter { print(y) }"],
            after: ["for (X, y) in iter { print(X, y) }\nprint(iter)",
                    // The loader holds the tensor itself, so a change made in place shows.
                    "features *= 0\nfor (X, y) in iter { print(X.sum().item(), y) }"])
    }

    @Test func releasedGraphsFailAsBeforeAndKeepTheirOperation() throws {
        try Self.expectResumesExactly(
            before: ["let w = Parameter(tensor([1.0, 2.0]))", "let used = (w * w).sum()\nused.backward()"],
            after: ["print(used, w.grad!)", "used.backward()"])
    }

    @Test func aLiveGraphIsNotKeptAndSaysSoWhenNeeded() throws {
        let cells = ["let w = Parameter(tensor([1.0, 2.0]))\nlet live = (w * 3).sum()"]
        let original = ChapterSession(seed: 3)
        _ = try original.run(cells[0], cell: 1)
        let resumed = try Self.restored(try Self.snapshot(of: original), cells: cells, settings: LibrarySettings())
        // Everything but a backward pass through it sees the same tensor.
        #expect(Self.outcome(resumed, "print(live)", cell: 2) == Self.outcome(original, "print(live)", cell: 2))
        #expect(!resumed.neededMissingGraph)
        #expect(Self.outcome(original, "live.backward()\nprint(w.grad!)", cell: 3) == "tensor([3., 3.])\n")
        #expect(Self.outcome(resumed, "live.backward()", cell: 3) == "error: \(TensorError.graphNotInSnapshot)")
        #expect(resumed.neededMissingGraph)
    }

    static let model = """
        class Scaled: Module {
            let inner: Linear
            var factor = 2.0
            init(_ n: Int) {
                inner = Linear(n, n)
                super.init()
            }
            override func forward(_ X: Tensor) -> Tensor { inner(X) * factor }
        }
        let net = Sequential(Conv2d(1, 2, kernelSize: (3, 1), padding: (1, 0)), BatchNorm2d(2), ReLU(), MaxPool2d(kernelSize: 2),
                             AvgPool2d(kernelSize: (1, 1), stride: (1, 1)), Flatten(), Linear(8, 4, bias: false), BatchNorm1d(4), Sigmoid())
        net.add("scaled", Scaled(4))
        net.add("tail", Sequential(ReLU(), Tanh(), Dropout(0.5)))
        let head = Sequential(GlobalAvgPool2d(), Flatten())
        let X = randn(3, 1, 4, 4)
        """

    @Test func layersKeepParametersBuffersAndModes() throws {
        try Self.expectResumesExactly(
            before: [Self.model, "print(net(X), head(X))\nnet[7].eval()"],
            after: ["print(net)\nprint(net[1].runningMean, net[7].runningVar, net[7].isTraining, net.isTraining, head)",
                    "print(net(X.reshape(3, 1, 4, 4)))", "net.eval()\nprint(net(X))"])
    }

    @Test func optimizersStayTiedToTheModelsTheyTrain() throws {
        let model = "let lin = Sequential(Linear(4, 3), Sigmoid(), Linear(3, 2))\nlet Z = randn(5, 4)\nlet target = randn(5, 2)"
        let training = """
            for _ in 0..<3 {
                opt.zeroGrad()
                let loss = ((lin(Z) - target) * (lin(Z) - target)).mean()
                loss.backward()
                opt.step()
                print(loss.item())
            }
            """
        let sgdTraining = training.replacingOccurrences(of: "opt.", with: "sgd.")
        try Self.expectResumesExactly(
            before: [model, "let opt = Adam(lin.parameters(), lr: 0.05)\nlet sgd = SGD(lin.parameters(), lr: 0.1, momentum: 0.9)",
                     sgdTraining, training],
            after: [training, sgdTraining, "print(lin[2].weight, lin[0].bias!, opt.lr)"])
    }

    @Test func loadersShuffleTheirNextPassAsBefore() throws {
        let directory = try FashionMNISTFixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let settings = LibrarySettings(dataDirectory: directory.path)
        let pass = "for (X, y) in trainIter { print(y, X.shape) }"
        try Self.expectResumesExactly(
            before: ["let (trainIter, testIter) = loadFashionMNIST(batchSize: 2, resize: 5)", pass],
            after: [pass, pass, "print(trainIter, testIter)\nfor (X, y) in testIter { print(y) }"], settings: settings)
    }

    /// Damaged payloads (the envelope's checksum bypassed) throw and never trap.
    @Test func damagedStatesNeverTrap() throws {
        let directory = try FashionMNISTFixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let settings = LibrarySettings(dataDirectory: directory.path)
        let cells = [Self.model, "let opt = Adam(net.parameters())\n(net(X).sum()).backward()\nopt.step()",
                     "let (trainIter, testIter) = loadFashionMNIST(batchSize: 2)"]
        let original = ChapterSession(seed: 3, settings: settings)
        for (index, code) in cells.enumerated() { _ = try original.run(code, cell: index + 1) }
        let bytes = try Self.snapshot(of: original)
        var generator = SplitMix64(seed: 11)
        var refused = 0
        for round in 0..<300 {
            var damaged = bytes
            if round % 3 == 0 {
                damaged.removeLast(Int(generator.next() % UInt64(damaged.count)))
            } else {
                let index = Int(generator.next() % UInt64(damaged.count))
                damaged[index] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
            }
            do {
                _ = try Self.restored(damaged, cells: cells, settings: settings)
            } catch {
                refused += 1
            }
        }
        // Most damage is found; a flip inside a float's bits is a valid, different value.
        #expect(refused > 100)
    }
}

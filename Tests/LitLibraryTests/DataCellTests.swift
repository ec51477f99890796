import Foundation
import LitData
import LitLanguage
import LitLibrary
import LitTestSupport
import Testing

/// `loadFashionMNIST` and its loaders as cells see them, on a small directory laid out
/// like Fashion-MNIST's (5 training and 3 test images), and on the real files.
@Suite struct DataCellTests {
    func run(_ code: String, directory: URL, budget: Budget? = nil, seed: UInt64 = 0) throws -> String {
        let settings = LibrarySettings(dataDirectory: directory.path, budget: budget)
        return try ChapterSession(seed: seed, settings: settings).run(code, cell: 1).text
    }

    func error(_ code: String, directory: URL) -> LanguageError? {
        do { _ = try ChapterSession(seed: 0, settings: LibrarySettings(dataDirectory: directory.path)).run(code, cell: 1) } catch {
            return error
        }
        return nil
    }

    func withFixture<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = try FashionMNISTFixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    @Test func loopOverBatches() throws {
        let code = """
            let (trainIter, testIter) = loadFashionMNIST(batchSize: 2)
            print(trainIter)
            print(testIter)
            print(trainIter.count, testIter.count, trainIter.batchSize, trainIter.imageCount)
            var seen = 0
            for (X, y) in trainIter {
                print(X.shape, y.shape)
                seen += X.shape[0]
            }
            print(seen)
            """
        let text = try withFixture { try run(code, directory: $0) }
        #expect(text == """
            DataLoader(5 images, 28×28, batchSize: 2, shuffled)
            DataLoader(3 images, 28×28, batchSize: 2, in order)
            3 2 2 5
            [2, 1, 28, 28] [2]
            [2, 1, 28, 28] [2]
            [1, 1, 28, 28] [1]
            5

            """)
    }

    @Test func theTestLoaderGivesLabelsAndPixelsInFileOrder() throws {
        let code = """
            let (trainIter, testIter) = loadFashionMNIST(batchSize: 2)
            for (X, y) in testIter {
                for i in 0..<y.shape[0] {
                    print(y[i].item(), (X[i].mean().item() * 255).rounded())
                }
            }
            """
        // Test image i holds 10·i + 5 everywhere; labels 9, 2, 1.
        #expect(try withFixture { try run(code, directory: $0) } == "9.0 5.0\n2.0 15.0\n1.0 25.0\n")
    }

    @Test func resizeMakesLargerImages() throws {
        let code = """
            let (trainIter, testIter) = loadFashionMNIST(batchSize: 4, resize: 96)
            print(testIter)
            for (X, y) in testIter {
                print(X.shape, (X.max().item() * 255).rounded())
            }
            """
        // A constant image stays constant under the resize: the brightest, test image 2, is 25.
        #expect(try withFixture { try run(code, directory: $0) } == "DataLoader(3 images, 96×96, batchSize: 4, in order)\n[3, 1, 96, 96] 25.0\n")
    }

    @Test func labelsFeedTheLoss() throws {
        let code = """
            let (trainIter, testIter) = loadFashionMNIST(batchSize: 3)
            for (X, y) in testIter {
                print(crossEntropy(zeros(X.shape[0], 10), y).item())
            }
            """
        // Uniform logits over 10 classes: the loss is log(10) whatever the labels.
        let text = try withFixture { try run(code, directory: $0) }
        #expect(abs((Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) - log(10)) < 1e-5, "\(text)")
    }

    @Test func eachLoopIsANewEpoch() throws {
        let code = """
            let (trainIter, testIter) = loadFashionMNIST(batchSize: 2)
            for _ in 0..<4 {
                var order: [Int] = []
                for (X, y) in trainIter {
                    for i in 0..<X.shape[0] { order.append(Int((X[i].mean().item() * 255).rounded())) }
                }
                print(order)
            }
            """
        let passes = try withFixture { try run(code, directory: $0) }.split(separator: "\n").map(String.init)
        // Training image i holds 10·i + 1: each pass visits all five, not always in one order.
        #expect(passes.count == 4)
        for pass in passes {
            let values = pass.dropFirst().dropLast().split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            #expect(values.sorted() == [1, 11, 21, 31, 41], "\(pass)")
        }
        #expect(Set(passes).count > 1, "\(passes)")
    }

    @Test func aBudgetKeepsASample() throws {
        let code = """
            let (trainIter, testIter) = loadFashionMNIST(batchSize: 2)
            print(trainIter)
            print(testIter)
            """
        let budget = Budget(name: "tiny", trainingImages: 3, testImages: 2, epochs: 1)
        #expect(try withFixture { try run(code, directory: $0, budget: budget) } == """
            DataLoader(3 of 5 images, 28×28, batchSize: 2, shuffled)
            DataLoader(2 of 3 images, 28×28, batchSize: 2, in order)

            """)
    }

    // MARK: Errors

    @Test func missingDataNamesThePathAndHowToInstall() throws {
        let empty = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let code = "let x = 1\nlet (trainIter, testIter) = loadFashionMNIST(batchSize: 16)"
        let failure = try #require(error(code, directory: empty))
        let path = empty.appendingPathComponent("train-images-idx3-ubyte.gz").path
        #expect(failure.message == .library(DataError.missingDataSet(name: "Fashion-MNIST", path: path, package: "dataset-fashion-mnist")))
        #expect(failure.message.text == "the Fashion-MNIST data set is not installed: \(path) is missing; install it with "
            + "'apt-get install dataset-fashion-mnist', or point --data or LIT_DATA at a directory that holds its files")
        #expect(failure.offset == code.utf8Offset(of: "loadFashionMNIST"))
    }

    @Test func argumentsAreChecked() throws {
        let cases = [
            ("loadFashionMNIST(batchSize: 0)", "'loadFashionMNIST' needs a batchSize of 1 or more, got 0"),
            ("loadFashionMNIST(batchSize: 16, resize: 0)", "'loadFashionMNIST' resizes to a side from 1 to 1024, got 0"),
            ("loadFashionMNIST(batchSize: 16, resize: 5000)", "'loadFashionMNIST' resizes to a side from 1 to 1024, got 5000"),
            ("loadFashionMNIST(batchSize: 60000, resize: 224)",
             "'loadFashionMNIST' would make batches of more than 2^28 values (batchSize 60000 × 224×224); choose a smaller batchSize or resize"),
        ]
        try withFixture { directory in
            for (code, message) in cases {
                #expect(error(code, directory: directory)?.message.text == message, "\(code)")
            }
        }
    }

    @Test func wrongLabelsAreFoundBeforeTheCellRuns() throws {
        let code = "print(\"ran\")\nloadFashionMNIST(batch: 16)"
        let failure = try withFixture { try #require(error(code, directory: $0)) }
        #expect(failure.message.text.contains("loadFashionMNIST(batchSize:resize:)"), "\(failure.message.text)")
    }

    // MARK: The real files

    @Test(.enabled(if: FashionMNISTTests.isInstalled)) func realDataUnderTheQuickBudget() throws {
        let code = """
            let (trainIter, testIter) = loadFashionMNIST(batchSize: 256)
            print(trainIter)
            print(testIter)
            for (X, y) in testIter {
                print(X.shape, y.shape, (-X).max().item() <= 0.0, X.max().item() <= 1.0, y.max().item() <= 9.0)
            }
            """
        let directory = URL(fileURLWithPath: FashionMNISTTests.realDirectory)
        #expect(try run(code, directory: directory, budget: .quick) == """
            DataLoader(1000 of 60000 images, 28×28, batchSize: 256, shuffled)
            DataLoader(500 of 10000 images, 28×28, batchSize: 256, in order)
            [256, 1, 28, 28] [256] true true true
            [244, 1, 28, 28] [244] true true true

            """)
    }
}

/// `DataLoader(features, labels, batchSize:, shuffle:)`, as the concise linear-regression
/// chapter uses it.
@Suite struct TensorLoaderCellTests {
    func run(_ code: String) throws -> String {
        try ChapterSession(seed: 0).run(code, cell: 1).text
    }

    func error(_ code: String) -> String? {
        do { _ = try ChapterSession(seed: 0).run(code, cell: 1) } catch { return error.message.description }
        return nil
    }

    @Test func conciseLinearRegressionFindsTheWeights() throws {
        let output = try run("""
            let trueW = tensor([2.0, -3.4]), trueB = 4.2
            let features = randn(1000, 2)
            let labels = (matmul(features, trueW.reshape(2, 1)) + trueB + randn(1000, 1, mean: 0, std: 0.01))
            let dataIter = DataLoader(features, labels, batchSize: 10, shuffle: true)
            print(dataIter, dataIter.count)
            let net = Sequential(Linear(2, 1))
            net[0].weight.fillNormal(mean: 0, std: 0.01)
            net[0].bias!.fill(0)
            let trainer = SGD(net.parameters(), lr: 0.03)
            for epoch in 0..<3 {
                for (X, y) in dataIter {
                    let l = mseLoss(net(X), y)
                    trainer.zeroGrad()
                    l.backward()
                    trainer.step()
                }
            }
            let w = net[0].weight.reshape(2)
            print((w - trueW).abs().max().item() < 0.01, abs(net[0].bias!.item() - trueB) < 0.01)
            """)
        #expect(output == "DataLoader(1000 examples, features [2], labels [1], batchSize: 10, shuffled) 100\ntrue true\n")
    }

    @Test func twoLoadersShuffleDifferentlyAndInOrderIsTheDefault() throws {
        let output = try run("""
            let x = arange(6)
            let a = DataLoader(x, x, batchSize: 6, shuffle: true), b = DataLoader(x, x, batchSize: 6, shuffle: true)
            var first: [Tensor] = [], second: [Tensor] = []
            for (X, _) in a { first.append(X) }
            for (X, _) in b { second.append(X) }
            print((first[0] .!= second[0]).sum().item() > 0)
            for (X, y) in DataLoader(x, x * 2, batchSize: 4) { print(X, y) }
            """)
        #expect(output == "true\ntensor([0., 1., 2., 3.]) tensor([0., 2., 4., 6.])\ntensor([4., 5.]) tensor([ 8., 10.])\n")
    }

    @Test func badLoadersSayWhatIsWrong() {
        #expect(error("DataLoader(zeros(3, 2), zeros(4), batchSize: 2)")
                == "'DataLoader' needs features and labels with one row per example along their first dimension, got shapes [3, 2] and [4]")
        #expect(error("DataLoader(zeros(3, 2), zeros(3), batchSize: 0)") == "'DataLoader' needs batchSize of 1 or more, got 0")
        #expect(error("DataLoader(tensor(1.0), tensor(1.0), batchSize: 1)")
                == "'DataLoader' needs features and labels with one row per example along their first dimension, got shapes [] and []")
    }
}

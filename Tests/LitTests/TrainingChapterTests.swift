import Foundation
import Lit
import LitDocument
import LitLibrary
import LitTestSupport
import Testing

/// The lesson's chapters: their committed outputs are current and come from a full run,
/// their figures are real SVG, the shapes the lesson checks are the ones it states, and a
/// budget run of each finishes quickly and says what it is.
@Suite struct TrainingChapterTests {
    struct Lesson: CustomTestStringConvertible, Sendable {
        let name: String
        /// The cells that train, each of which draws one curve.
        let trainingCells: [Int]
        /// Lines the shape checks print, as the source text states them.
        let shapeLines: [String]
        var testDescription: String { name }
        var path: String { TestPaths.repository.appendingPathComponent("chapters/\(name)").path }
    }

    static let lessons = [
        Lesson(name: "batchnorm.md", trainingCells: [5, 7], shapeLines: []),
        Lesson(name: "resnet.md", trainingCells: [9], shapeLines: [
            "[4, 3, 6, 6]", "[4, 6, 3, 3]",
            "resnet_block4 output shape:\t [2, 512, 1, 1]", "fc output shape:\t [2, 10]",
        ]),
        Lesson(name: "densenet.md", trainingCells: [11], shapeLines: [
            "[4, 23, 8, 8]", "[4, 10, 4, 4]",
            "DenseBlock_0 output shape:\t [1, 192, 24, 24]", "transition_block_0 output shape:\t [1, 96, 12, 12]",
            "DenseBlock_3 output shape:\t [1, 248, 3, 3]", "fc output shape:\t [1, 10]",
        ]),
    ]

    @Test(arguments: lessons) func committedOutputsAreCurrentAndFromAFullRun(_ lesson: Lesson) throws {
        let chapter = try Chapter.read(path: lesson.path)
        #expect(StalenessCheck.staleCells(in: chapter).isEmpty)
        #expect(chapter.cells.compactMap(\.output).allSatisfy { $0.marker.budget == nil && $0.marker.status == .ok })
        let figures = chapter.cells.compactMap(\.output).flatMap { block in
            block.body.split(separator: "\n").filter { $0.hasPrefix("![") }
        }
        #expect(figures.count == lesson.trainingCells.count)
        for figure in figures {
            let path = String(figure[figure.index(after: figure.firstIndex(of: "(")!)..<figure.lastIndex(of: ")")!])
            let url = URL(fileURLWithPath: lesson.path).deletingLastPathComponent().appendingPathComponent(path)
            let svg = try String(contentsOf: url, encoding: .utf8)
            let tree = try #require(XMLTree.parse(svg), "\(path) is not well-formed XML")
            #expect(tree.name == "svg")
        }
        let text = String(decoding: chapter.bytes, as: UTF8.self)
        #expect(!text.contains("Budget run"))
        for line in lesson.shapeLines {
            #expect(text.contains(line + "\n"), "\(lesson.name) should show \(line)")
        }
    }

    @Test(.enabled(if: RealFashionMNIST.isInstalled), arguments: lessons)
    func aBudgetRunIsQuickAndMarked(_ lesson: Lesson) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("litrun-budget-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent(lesson.name).path
        try FileManager.default.copyItem(atPath: lesson.path, toPath: copy)
        let console = CapturedConsole()
        // A guard against a hang, not a speed check: the suite runs tests side by side.
        let options = RunOptions(seed: 0, timeout: 600, library: LibrarySettings(budget: .quick))
        let status = ChapterJob.run(copy, options: options, to: .inPlace, console: console.console)
        #expect(status == .success, "\(console.errors)")
        let written = try Chapter.read(path: copy)
        let markers = written.cells.compactMap { $0.output?.marker }
        #expect(!markers.isEmpty && markers.allSatisfy { $0.budget == "quick" })
        #expect(StalenessCheck.staleCells(in: written).count == markers.count, "--check never takes budget outputs for real ones")
        let text = String(decoding: written.bytes, as: UTF8.self)
        #expect(text.contains("Budget run 'quick': 1,000 of 60,000 training images, 500 of 10,000 test images, 1 of 5 epochs."))
        for line in lesson.shapeLines {
            #expect(text.contains(line + "\n"), "a run of \(lesson.name) should print \(line)")
        }
        let stem = lesson.name.replacingOccurrences(of: ".md", with: "")
        for cell in lesson.trainingCells {
            let figure = directory.appendingPathComponent("\(stem).assets/cell-\(cell)-training-quick.svg").path
            #expect(FileManager.default.fileExists(atPath: figure))
        }
    }
}

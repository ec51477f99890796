import Foundation
import Lit
import LitDocument
import LitLibrary
import Testing

/// chapters/batchnorm.md: its committed outputs are current and come from a full run, its
/// figures are real SVG, and a budget run of it finishes quickly and says what it is.
@Suite struct TrainingChapterTests {
    static let chapterPath = TestPaths.repository.appendingPathComponent("chapters/batchnorm.md").path

    @Test func committedOutputsAreCurrentAndFromAFullRun() throws {
        let chapter = try Chapter.read(path: Self.chapterPath)
        #expect(StalenessCheck.staleCells(in: chapter).isEmpty)
        #expect(chapter.cells.allSatisfy { $0.output?.marker.budget == nil })
        let figures = chapter.cells.compactMap(\.output).flatMap { block in
            block.body.split(separator: "\n").filter { $0.hasPrefix("![") }
        }
        #expect(figures.count == 2)
        for figure in figures {
            let path = String(figure[figure.index(after: figure.firstIndex(of: "(")!)..<figure.lastIndex(of: ")")!])
            let url = URL(fileURLWithPath: Self.chapterPath).deletingLastPathComponent().appendingPathComponent(path)
            let svg = try String(contentsOf: url, encoding: .utf8)
            let tree = try #require(XMLTree.parse(svg), "\(path) is not well-formed XML")
            #expect(tree.name == "svg")
        }
    }

    @Test(.enabled(if: FashionMNISTTests.isInstalled)) func aBudgetRunIsQuickAndMarked() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("litrun-budget-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("batchnorm.md").path
        try FileManager.default.copyItem(atPath: Self.chapterPath, toPath: copy)
        let console = CapturedConsole()
        let options = RunOptions(seed: 0, timeout: 60, library: LibrarySettings(budget: .quick))
        let status = ChapterJob.run(copy, options: options, to: .inPlace, console: console.console)
        #expect(status == .success, "\(console.errors)")
        let written = try Chapter.read(path: copy)
        let markers = written.cells.compactMap { $0.output?.marker }
        #expect(!markers.isEmpty && markers.allSatisfy { $0.budget == "quick" })
        #expect(StalenessCheck.staleCells(in: written).count == markers.count, "--check never takes budget outputs for real ones")
        let text = String(decoding: written.bytes, as: UTF8.self)
        #expect(text.contains("Budget run 'quick': 1,000 of 60,000 training images, 500 of 10,000 test images, 1 of 5 epochs."))
        for cell in [5, 7] {
            let figure = directory.appendingPathComponent("batchnorm.assets/cell-\(cell)-training-quick.svg").path
            #expect(FileManager.default.fileExists(atPath: figure))
        }
    }
}

import Foundation
import Lit
import LitDocument
import LitTestSupport
import Testing

/// Whole chapters in Fixtures/chapters, run end to end and compared byte for byte with
/// `NAME.out.md`. Re-record with `RECORD_GOLDEN=1 swift test --filter ChapterGoldenTests`.
@Suite struct ChapterGoldenTests {
    static let directory = TestPaths.fixtures.appendingPathComponent("chapters")

    static let chapters: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && !$0.hasSuffix(".out.md") }.sorted()
    }()

    /// An empty list would pass every parameterised test by running none.
    @Test func everyFixtureIsFound() {
        #expect(Self.chapters == ["hostile-crlf.md", "hostile-mixed-endings.md"])
    }

    private func run(_ bytes: [UInt8], _ name: String) throws -> [UInt8] {
        let chapter = try Chapter.parse(bytes, path: name)
        let report = ChapterRunner(options: RunOptions(seed: 0, timeout: 10)).run(chapter)
        return chapter.spliced(report.updates, closing: report.closing)
    }

    @Test(arguments: chapters)
    func runsToItsGoldenAndStaysThere(_ name: String) throws {
        let original = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        let first = try run(original, name)
        let golden = Self.directory.appendingPathComponent(String(name.dropLast(3)) + ".out.md")
        if TestPaths.isRecording { try Data(first).write(to: golden) }
        let expected = try [UInt8](Data(contentsOf: golden))
        // Bytes, not decoded text: decoding would hide a rewrite of invalid bytes as U+FFFD.
        let same = first == expected  // compared apart, so that a failure prints text, not every byte
        #expect(same, "differs from \(golden.lastPathComponent):\n\(String(decoding: first, as: UTF8.self))")
        #expect(try run(first, name) == first, "a second run must change no byte")
    }

    @Test(arguments: chapters)
    func removingTheOutputsGivesBackTheProse(_ name: String) throws {
        let original = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        let written = try Chapter.parse(try run(original, name), path: name)
        let stripped = written.spliced(Dictionary(uniqueKeysWithValues: written.cells.map { ($0.number, CellUpdate.noOutput) }),
                                       closing: .remove)
        let source = try Chapter.parse(original, path: name)
        var strippedSource = source.spliced(Dictionary(uniqueKeysWithValues: source.cells.map { ($0.number, CellUpdate.noOutput) }))
        // The one addition litrun makes: a closing fence for a cell the author left open.
        let unclosed = try Chapter.parse(strippedSource, path: name)
        for cell in unclosed.cells.reversed() {
            if let fence = unclosed.missingClosingFences[cell.number] {
                strippedSource.insert(contentsOf: Array((unclosed.lineEnding + cell.containerPrefix + fence).utf8),
                                      at: cell.range.upperBound)
            }
        }
        #expect(stripped == strippedSource, "outside output blocks, every byte is the author's")
    }
}

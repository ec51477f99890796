import Foundation
import Lit
import LitDocument
import LitLibrary
import LitTestSupport
import Testing

/// `--check` sees every cell: cells below the last output block are vouched for by the
/// closing marker, so an appended, edited or never-run cell there is reported with its line.
@Suite struct CheckTests {
    /// A chapter file in a fresh directory, run or checked through the command's jobs.
    struct Scratch {
        let directory: URL
        let path: String

        init(_ text: String) throws {
            directory = try TestPaths.temporaryDirectory()
            path = directory.appendingPathComponent("chapter.md").path
            try write(text)
        }

        func write(_ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
        func read() throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
        func remove() { try? FileManager.default.removeItem(at: directory) }

        @discardableResult
        func run() -> ChapterJob.ExitStatus {
            ChapterJob.run(path, options: RunOptions(seed: 0, timeout: 10), to: .inPlace, console: CapturedConsole().console)
        }

        /// The exit status and every line `--check` printed.
        func check() -> (ChapterJob.ExitStatus, [String]) {
            let console = CapturedConsole()
            let status = ChapterJob.check(path, console: console.console)
            return (status, console.errors.split(separator: "\n").map(String.init))
        }
    }

    /// The 1-based line of the fence above the first line equal to `code`.
    static func fenceLine(above code: String, in text: String) throws -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0 == code }, "no line '\(code)'")  // 0-based index of the code = fence's line
    }

    static let twoCells = "# T\n\n```swift\nprint(1)\n```\n\nProse.\n\n```swift\nlet quiet = 2\n```\n"

    @Test func aRunWritesTheClosingMarkerBelowTheLastCell() throws {
        let scratch = try Scratch(Self.twoCells)
        defer { scratch.remove() }
        #expect(scratch.run() == .success)
        let text = try scratch.read()
        let hash = CellHash.chain(try Chapter.read(path: scratch.path).cells)[1]
        #expect(text.hasSuffix("```swift\nlet quiet = 2\n```\n\n<!-- litrun:chapter cells=2 hash=\(hash) -->\n"))
        #expect(scratch.check().0 == .success)
        // A second run changes no byte.
        scratch.run()
        #expect(try scratch.read() == text)
    }

    @Test func anAppendedCellIsReported() throws {
        let scratch = try Scratch(Self.twoCells)
        defer { scratch.remove() }
        scratch.run()
        try scratch.write(try scratch.read() + "\nMore prose.\n\n```swift\nprint(quiet)\n```\n")
        let (status, lines) = scratch.check()
        #expect(status == .cellFailed)
        let fence = try Self.fenceLine(above: "print(quiet)", in: try scratch.read())
        #expect(lines == ["\(scratch.path):\(fence):1: error: cell 3 is stale: it is new since the last run"])
        // After a run the marker moves below the new last cell and the chapter is current.
        scratch.run()
        #expect(scratch.check().0 == .success)
        let text = try scratch.read()
        #expect(text.components(separatedBy: "litrun:chapter").count == 2)
        #expect(text.contains("```\n\n<!-- litrun:output cell=3"))
        #expect(text.hasSuffix("<!-- litrun:end -->\n\n<!-- litrun:chapter cells=3 hash=\(CellHash.chain(try Chapter.read(path: scratch.path).cells)[2]) -->\n"))
    }

    @Test func anEditedLastCellIsReported() throws {
        let scratch = try Scratch(Self.twoCells)
        defer { scratch.remove() }
        scratch.run()
        try scratch.write(try scratch.read().replacingOccurrences(of: "let quiet = 2", with: "let quiet = 3"))
        let (status, lines) = scratch.check()
        #expect(status == .cellFailed)
        let fence = try Self.fenceLine(above: "let quiet = 3", in: try scratch.read())
        #expect(lines == ["\(scratch.path):\(fence):1: error: cell 2 is stale: its code or a cell before it changed since the last run"])
    }

    @Test func anEditedLastCellWithOutputIsReported() throws {
        let scratch = try Scratch("```swift\nprint(1)\n```\n")
        defer { scratch.remove() }
        scratch.run()
        try scratch.write(try scratch.read().replacingOccurrences(of: "print(1)", with: "print(2)"))
        let (status, lines) = scratch.check()
        #expect(status == .cellFailed)
        #expect(lines == ["\(scratch.path):1:1: error: cell 1 is stale: its code or a cell before it changed since the last run"])
    }

    @Test func aChapterThatNeverRanIsReportedCellByCell() throws {
        let scratch = try Scratch("# T\n\n```swift\nlet a = 1\n```\n\n```swift norun\nlet b = 2\n```\n\n```swift\nlet c = 3\n```\n")
        defer { scratch.remove() }
        let (status, lines) = scratch.check()
        #expect(status == .cellFailed)
        let reason = "no run of it is recorded (the chapter has no closing 'litrun:chapter' marker)"
        #expect(lines == ["\(scratch.path):3:1: error: cell 1 is stale: \(reason)",
                          "\(scratch.path):11:1: error: cell 3 is stale: \(reason)"])
        // Once run, a chapter with no output at all is current.
        scratch.run()
        #expect(scratch.check() == (.success, ["\(scratch.path): up to date (3 cells)"]))
    }

    @Test func aChapterWithoutTheMarkerWhoseLastCellHasABlockStaysCurrent() throws {
        // Chapters written before the closing marker existed.
        let scratch = try Scratch("```swift\nprint(1)\n```\n")
        defer { scratch.remove() }
        scratch.run()
        let withoutMarker = try scratch.read().replacingOccurrences(of: #"\n\n<!-- litrun:chapter [^>]*-->"#, with: "",
                                                                     options: .regularExpression)
        #expect(!withoutMarker.contains("litrun:chapter"))
        try scratch.write(withoutMarker)
        #expect(scratch.check().0 == .success)
    }

    @Test func aFailedRunMarksTheCellsAfterItAsNotRun() throws {
        let scratch = try Scratch("```swift\nlet a = 1\n```\n\n```swift\nprint([1][5])\n```\n\n```swift\nlet c = 3\n```\n")
        defer { scratch.remove() }
        #expect(scratch.run() == .cellFailed)
        #expect(try scratch.read().contains("<!-- litrun:chapter cells=3 hash="))
        #expect(try scratch.read().contains(" status=not-run -->"))
        let (status, lines) = scratch.check()
        #expect(status == .cellFailed)
        let text = try scratch.read()
        #expect(lines == ["\(scratch.path):5:1: error: cell 2 is stale: it failed in the last run",
                          "\(scratch.path):\(try Self.fenceLine(above: "let c = 3", in: text)):1: error: cell 3 is stale: it did not run in the last run"])
    }

    @Test func theMarkerStaysInsideTheLastCellsContainer() throws {
        let scratch = try Scratch("> Quoted:\n>\n> ```swift\n> let a = 1\n> ```\n\nAfter.\n")
        defer { scratch.remove() }
        scratch.run()
        let text = try scratch.read()
        #expect(text.hasPrefix("> Quoted:\n>\n> ```swift\n> let a = 1\n> ```\n>\n> <!-- litrun:chapter cells=1 hash="))
        #expect(text.hasSuffix(" -->\n\nAfter.\n"))
        scratch.run()
        #expect(try scratch.read() == text)
        #expect(scratch.check().0 == .success)
    }

    @Test func anUnclosedLastCellIsClosedBeforeTheMarker() throws {
        let scratch = try Scratch("```swift\nlet a = 1\n")
        defer { scratch.remove() }
        scratch.run()
        let text = try scratch.read()
        #expect(text.hasPrefix("```swift\nlet a = 1\n```\n\n<!-- litrun:chapter cells=1 hash="))
        let chapter = try Chapter.read(path: scratch.path)
        #expect(chapter.cells.count == 1 && chapter.cells[0].code == "let a = 1\n")
        #expect(chapter.closingMarkers.count == 1)
    }

    @Test func aBudgetRunIsNeverCurrent() throws {
        let scratch = try Scratch(Self.twoCells.replacingOccurrences(of: "print(1)", with: "let a = 1"))
        defer { scratch.remove() }
        let options = RunOptions(seed: 0, timeout: 10, library: LibrarySettings(budget: .quick))
        #expect(ChapterJob.run(scratch.path, options: options, to: .inPlace, console: CapturedConsole().console) == .success)
        #expect(try scratch.read().contains("budget=quick -->"))
        let (status, lines) = scratch.check()
        #expect(status == .cellFailed)
        #expect(lines.count == 1 && lines[0].hasSuffix("error: the chapter's last run was a 'quick' budget run"))
    }

    @Test func aRemovedLastCellIsReportedAtTheMarker() throws {
        let scratch = try Scratch("```swift\nprint(1)\n```\n\n```swift\nlet b = 2\n```\n")
        defer { scratch.remove() }
        scratch.run()
        let text = try scratch.read()
        try scratch.write(text.replacingOccurrences(of: "```swift\nlet b = 2\n```\n\n", with: ""))
        let (status, lines) = scratch.check()
        #expect(status == .cellFailed)
        #expect(lines.count == 1 && lines[0].hasSuffix("error: the chapter's cells changed since the last run (2 then, 1 now)"))
    }
}

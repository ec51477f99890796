import Foundation
import Lit
import LitTestSupport
import Testing

/// Drives the real `litrun` executable: exit codes, --check, --output, --stdout.
@Suite struct CommandLineTests {
    static let chapter = """
    # Check me

    ```swift
    let base = 20
    print("base", base)
    ```

    Prose that must survive.

    ```swift
    base + 1
    ```

    ```swift
    let quiet = base * 2
    ```

    """

    private func write(_ text: String, named name: String = "chapter.md", in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func runThenCheckThenEditThenCheck() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let url = try write(Self.chapter, in: work)

        // A chapter that never ran has no record of any cell.
        let stale = try runLitrun(["--check", "chapter.md"], in: work)
        #expect(stale.status == 1)
        for (cell, line) in [(1, 3), (2, 10), (3, 14)] {
            #expect(stale.standardError.contains("chapter.md:\(line):1: error: cell \(cell) is stale: no run of it is recorded"),
                    "\(stale.standardError)")
        }

        let first = try runLitrun(["chapter.md"], in: work)
        #expect(first.status == 0, "\(first.standardError)")
        let afterFirst = try String(contentsOf: url, encoding: .utf8)
        #expect(afterFirst.contains("base 20"))
        #expect(afterFirst.contains("21"))
        #expect(afterFirst.contains("Prose that must survive."))

        let second = try runLitrun(["chapter.md"], in: work)
        #expect(second.status == 0)
        #expect(try String(contentsOf: url, encoding: .utf8) == afterFirst, "a second run must change nothing")
        #expect(try runLitrun(["--check", "chapter.md"], in: work).status == 0)

        // Edit cell 2: --check names it and fails, without running anything.
        let edited = afterFirst.replacingOccurrences(of: "base + 1\n", with: "base + 2\n")
        try Data(edited.utf8).write(to: url)
        let check = try runLitrun(["--check", "chapter.md"], in: work)
        #expect(check.status == 1)
        #expect(check.standardError.contains("chapter.md:18:1: error: cell 2 is stale"), "\(check.standardError)")
        #expect(check.standardError.contains("error: cell 3 is stale: a cell before it changed since the last run"),
                "the last cell, which prints nothing, is vouched for by the closing marker")
        #expect(!check.standardError.contains("cell 1 is stale"))
        #expect(try String(contentsOf: url, encoding: .utf8) == edited, "--check must not write")

        #expect(try runLitrun(["chapter.md"], in: work).status == 0)
        #expect(try String(contentsOf: url, encoding: .utf8).contains("22"))
        #expect(try runLitrun(["--check", "chapter.md"], in: work).status == 0)
    }

    @Test func versionIsPrinted() throws {
        let result = try runLitrun(["--version"], in: TestPaths.repository)
        #expect(result.status == 0)
        #expect(result.standardOutput == "litrun \(LitrunVersion.current)\n", "\(result.standardOutput)")
    }

    @Test func aDirectoryRunsEveryChapterInItInNameOrder() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nested.md"), withIntermediateDirectories: true)
        for name in ["b.md", "a.md", "notes.txt"] { _ = try write("```swift\nprint(\"\(name)\")\n```\n", named: name, in: folder) }
        let result = try runLitrun(["--no-cache", "book"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        let summaries = result.standardError.split(separator: "\n").map { $0.split(separator: ":").first.map(String.init) ?? "" }
        #expect(summaries == ["book/a.md", "book/b.md"], "\(result.standardError)")
        let check = try runLitrun(["--check", "book/"], in: directory)
        #expect(check.status == 0 && check.standardError == "book/a.md: up to date (1 cells)\nbook/b.md: up to date (1 cells)\n",
                "\(check.standardError)")
    }

    @Test func failingThirdCellKeepsEarlierOutputs() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let text = """
        ```swift
        print("one")
        ```

        ```swift
        print("two")
        ```

        ```swift
        let x = [1, 2
        ```

        """
        let url = try write(text, in: work)
        let result = try runLitrun(["chapter.md"], in: work)
        #expect(result.status == 1)
        // The position is in the chapter as written, below the outputs of cells 1 and 2,
        // the same one the error's output block shows.
        #expect(result.standardError.hasPrefix("chapter.md:26:14: error: "), "\(result.standardError)")
        let written = try String(contentsOf: url, encoding: .utf8)
        #expect(written.split(separator: "\n", omittingEmptySubsequences: false)[25] == "let x = [1, 2")
        #expect(written.contains("chapter.md:26:14: error: "))
        #expect(written.contains("```text\none\n```"))
        #expect(written.contains("```text\ntwo\n```"))
        #expect(written.contains("cell=3") && written.contains("status=error"))
        #expect(try runLitrun(["--check", "chapter.md"], in: work).status == 1, "a failed cell is not up to date")
    }

    @Test func outputAndStdoutLeaveTheChapterAlone() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let url = try write(Self.chapter, in: work)
        let toFile = try runLitrun(["chapter.md", "--output", "out.md"], in: work)
        #expect(toFile.status == 0)
        #expect(try String(contentsOf: url, encoding: .utf8) == Self.chapter)
        let rendered = try String(contentsOf: work.appendingPathComponent("out.md"), encoding: .utf8)
        #expect(rendered.contains("base 20"))

        let toStdout = try runLitrun(["--stdout", "chapter.md"], in: work)
        #expect(toStdout.status == 0)
        #expect(toStdout.standardOutput == rendered)
        #expect(try String(contentsOf: url, encoding: .utf8) == Self.chapter)
    }

    @Test func badInputAndUsageExitWithTwo() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let missing = try runLitrun(["nowhere.md"], in: work)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("cannot read 'nowhere.md'"))

        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF]).write(to: work.appendingPathComponent("image.md"))
        let binary = try runLitrun(["image.md"], in: work)
        #expect(binary.status == 2)
        #expect(binary.standardError.contains("is not a Markdown chapter"))

        #expect(try runLitrun(["--no-such-option", "x.md"], in: work).status == 2)
        #expect(try runLitrun([], in: work).status == 2)
        let both = try runLitrun(["--stdout", "--output", "o.md", "x.md"], in: work)
        #expect(both.status == 2)
        #expect(try runLitrun(["--help"], in: work).status == 0)
    }

    /// These stopped litrun with a runtime trap (exit 132) before: now each is a positioned error.
    @Test func trapsAreErrorsNotCrashes() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        _ = try write("# Traps\n\n```swift\nprint(Int(9.25e18))\n```\n", in: work)
        let result = try runLitrun(["chapter.md"], in: work)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("""
            chapter.md:4:7: error: Double value 9.25e+18 cannot be converted to Int because it is outside the representable range
            print(Int(9.25e18))
                  ^
            """), "\(result.standardError)")
        // A time limit too large for the deadline's nanoseconds.
        _ = try write("```swift\nprint(1)\n```\n", in: work)
        #expect(try runLitrun(["--timeout", "1e300", "chapter.md"], in: work).status == 0)
    }

    @Test func timeoutNamesTheCell() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        _ = try write("```swift\nprint(1)\n```\n\n```swift\nwhile true {}\n```\n", in: work)
        let started = Date()
        let result = try runLitrun(["--timeout", "1", "chapter.md"], in: work)
        #expect(result.status == 1)
        #expect(result.standardError.contains("chapter.md:14:1: error: cell 2 ran longer than the 1 s timeout"),
                "\(result.standardError)")
        #expect(Date().timeIntervalSince(started) < 30)
    }
}

import Foundation
import Lit
import LitDocument
import LitTestSupport
import Testing

/// `litrun publish` warns about outputs a run would change and about budget outputs,
/// and `--strict` makes those warnings fail the command.
@Suite struct PublishJobTests {
    static let chapter = "# T\n\n```swift\nprint(1)\n```\n\nProse.\n\n```swift\nprint(2)\n```\n"

    @Test func staleAndBudgetOutputsAreWarnedAboutAndShown() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("chapter.md").path
        try Data(Self.chapter.utf8).write(to: URL(fileURLWithPath: path))
        var options = RunOptions(seed: 0, timeout: 10)
        options.library.budget = .quick
        #expect(ChapterJob.run(path, options: options, to: .inPlace, console: CapturedConsole().console) == .success)
        // Edit the second cell: its output is now stale, and the first one's is a budget output.
        let ran = try String(contentsOfFile: path, encoding: .utf8)
        try Data(ran.replacingOccurrences(of: "print(2)", with: "print(3)").utf8).write(to: URL(fileURLWithPath: path))
        let lines = ran.split(separator: "\n", omittingEmptySubsequences: false)
        let secondFence = try #require(lines.firstIndex(of: "print(2)"))  // 0-based line of the code: the fence's 1-based line

        let site = directory.appendingPathComponent("site").path
        let console = CapturedConsole()
        #expect(PublishJob.publish([path], to: site, console: console.console) == .success)
        let printed = console.errors.split(separator: "\n").map(String.init)
        #expect(printed.dropLast() == [
            "\(path):3:1: warning: cell 1 is stale: its output comes from a 'quick' budget run",
            "\(path):\(secondFence):1: warning: cell 2 is stale: its code or a cell before it changed since the last run",
        ])
        #expect(printed.last?.hasPrefix("published 1 chapter to \(site) in ") == true)
        #expect(printed.last?.hasSuffix(": 2 pages, 0 math spans, \(Self.katexFiles) files copied; 2 warnings") == true)
        let page = try String(contentsOfFile: site + "/chapter.html", encoding: .utf8)
        #expect(page.contains(#"<div class="output budget" id="output-1"><p class="banner">Budget run (quick): "#))
        #expect(page.contains(#"<p class="banner">Stale output: its code or a cell before it changed since the last run</p>"#))

        let strict = CapturedConsole()
        #expect(PublishJob.publish([path], to: site, strict: true, console: strict.console) == .cellFailed)
        #expect(strict.errors.contains("\(path):\(secondFence):1: error: cell 2 is stale"))
    }

    @Test func anUpToDateChapterPublishesQuietly() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("chapter.md").path
        try Data(Self.chapter.utf8).write(to: URL(fileURLWithPath: path))
        #expect(ChapterJob.run(path, options: RunOptions(seed: 0, timeout: 10), to: .inPlace, console: CapturedConsole().console) == .success)
        let console = CapturedConsole()
        #expect(PublishJob.publish([path], to: directory.appendingPathComponent("site").path, strict: true, console: console.console) == .success)
        #expect(console.errors.split(separator: "\n").count == 1)
    }

    @Test func anUnreadableChapterIsBadInput() throws {
        let console = CapturedConsole()
        #expect(PublishJob.publish(["/nonexistent/chapter.md"], to: "/tmp/never", console: console.console) == .badInput)
        #expect(console.errors.contains("error: cannot read '/nonexistent/chapter.md'"))
    }

    /// KaTeX's script, style sheet and fonts.
    static var katexFiles: Int {
        2 + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/share/javascript/katex/fonts").count) ?? 0)
    }
}

/// The command as users type it.
@Suite struct PublishCommandTests {
    @Test func publishIsASubcommandWithItsOwnUsage() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tour = TestPaths.repository.appendingPathComponent("chapters/tour.md").path
        let site = directory.appendingPathComponent("site").path
        #expect(try runLitrun(["publish", tour, "--to", site, "--strict"], in: directory).status == 0)
        #expect(FileManager.default.fileExists(atPath: site + "/tour.html"))
        let missing = try runLitrun(["publish", tour], in: directory)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("Missing expected argument '--to <dir>'"))
        #expect(try runLitrun(["publish", "--help"], in: directory).standardOutput.contains("USAGE: litrun publish <chapters> ... --to <dir>"))
    }
}

import Foundation
import Lit
import LitTestSupport
import Testing

/// The `.litrun-cache` folder: its limit, `--clean-cache`, and the sizes the command takes.
@Suite struct CacheFolderTests {
    @Test func sizesAreReadAsDisksQuoteThem() {
        #expect(CachePolicy.bytes(from: "2GB") == 2_000_000_000)
        #expect(CachePolicy.bytes(from: "500MB") == 500_000_000)
        #expect(CachePolicy.bytes(from: "1.5g") == 1_500_000_000)
        #expect(CachePolicy.bytes(from: "800k") == 800_000)
        #expect(CachePolicy.bytes(from: "4096") == 4096)
        #expect(CachePolicy.bytes(from: "0") == 0)
        for bad in ["", "GB", "-1MB", "2 parsecs", "1e30", "nan"] { #expect(CachePolicy.bytes(from: bad) == nil, "\(bad)") }
        #expect(CachePolicy.text(bytes: 999) == "999 B")
        #expect(CachePolicy.text(bytes: 45_130_000) == "45.1 MB")
        #expect(CachePolicy.text(bytes: CachePolicy.defaultLimit) == "2.0 GB")
    }

    /// A chapter of `cells` cells whose snapshots each hold about `bytes` bytes.
    static func chapter(cells: Int, bytes: Int) -> String {
        (1...cells).map { "```swift\nlet t\($0) = zeros(\(bytes / 4))\nprint(\($0))\n```\n" }.joined(separator: "\n")
    }

    @Test func theLimitEvictsTheOldestButKeepsEachChaptersNewest() throws {
        let first = try ResumeTests.Workspace(Self.chapter(cells: 3, bytes: 400_000))
        defer { first.remove() }
        let other = first.directory.appendingPathComponent("other.md")
        try Data(Self.chapter(cells: 2, bytes: 400_000).utf8).write(to: other)
        // Snapshots hold every tensor so far: cell k's holds k of them.
        first.run()
        let console = CapturedConsole()
        let options = RunOptions(seed: 0, timeout: 60, cache: CachePolicy(limit: 1_000_000))
        #expect(ChapterJob.run(other.path, options: options, to: .inPlace, console: console.console) == .success)
        let left = try FileManager.default.subpathsOfDirectory(atPath: first.directory.appendingPathComponent(".litrun-cache").path)
            .filter { $0.hasSuffix(".litsnap") }.sorted()
        // 0.4 + 0.8 + 1.2 MB from the first chapter and 0.4 + 0.8 MB from the other: over
        // the limit, so everything goes but the newest of each chapter.
        #expect(left.count == 2, "\(left)")
        #expect(left.contains { $0.hasPrefix("chapter.md/cell-3-") } && left.contains { $0.hasPrefix("other.md/cell-2-") }, "\(left)")
        #expect(console.errors.contains("; cache 2.0 MB"), "\(console.errors)")
    }

    @Test func cleanCacheDeletesOneChaptersSnapshots() throws {
        let workspace = try ResumeTests.Workspace(Self.chapter(cells: 2, bytes: 100))
        defer { workspace.remove() }
        workspace.run()
        #expect(workspace.snapshots().count == 2)
        let result = try runLitrun(["--clean-cache", "chapter.md"], in: workspace.directory)
        #expect(result.status == 0)
        #expect(result.standardError.hasPrefix("chapter.md: cache cleaned, "), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: workspace.directory.appendingPathComponent(".litrun-cache").path))
        let again = try runLitrun(["--clean-cache", "chapter.md"], in: workspace.directory)
        #expect(again.status == 0 && again.standardError == "chapter.md: cache cleaned, 0 B freed\n")
    }

    @Test func theCommandResumesAndNoCacheRunsEverything() throws {
        let workspace = try ResumeTests.Workspace(Self.chapter(cells: 3, bytes: 100))
        defer { workspace.remove() }
        let first = try runLitrun(["chapter.md"], in: workspace.directory)
        #expect(first.standardError.contains("updated: ran 3 of 3 cells"), "\(first.standardError)")
        let resumed = try runLitrun(["chapter.md"], in: workspace.directory)
        #expect(resumed.standardError.contains("unchanged: ran 0 of 3 cells in "), "\(resumed.standardError)")
        #expect(resumed.standardError.contains(", resumed from the snapshot after cell 3; cache "), "\(resumed.standardError)")
        let fresh = try runLitrun(["--no-cache", "chapter.md"], in: workspace.directory)
        #expect(fresh.standardError.hasSuffix("unchanged: ran 3 of 3 cells in \(fresh.standardError.split(separator: " ").dropLast().last ?? "") s\n"),
                "\(fresh.standardError)")
        let bad = try runLitrun(["--cache-limit", "lots", "chapter.md"], in: workspace.directory)
        #expect(bad.status == 2 && bad.standardError.contains("--cache-limit takes a size such as 500MB or 2GB, not 'lots'"))
    }

    @Test func halfWrittenSnapshotsOfDeadProcessesAreRemoved() throws {
        let workspace = try ResumeTests.Workspace(Self.chapter(cells: 2, bytes: 100))
        defer { workspace.remove() }
        workspace.run()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = ".cell-2-00000000-full.litsnap.\(finished.processIdentifier)-7.tmp"
        let alive = ".cell-2-00000000-full.litsnap.\(getpid())-7.tmp"
        for name in [dead, alive] { try Data("partial".utf8).write(to: workspace.cacheFolder.appendingPathComponent(name)) }
        try workspace.write(ResumeTests.editLastCell("print(0)")(workspace.text))
        workspace.run()
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.cacheFolder.path)
        #expect(!names.contains(dead) && names.contains(alive), "\(names)")
    }
}

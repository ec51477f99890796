import Foundation
import Lit
import LitArchive
import LitDocument
import LitLibrary
import LitTestSupport
import Testing

/// Runs that resume from a snapshot write exactly what a run from the start writes
/// (`--no-cache`), apart from wall-clock figures.
@Suite struct ResumeTests {
    /// A chapter in a folder of its own, run in process as the command runs it.
    struct Workspace {
        let directory: URL
        var path: String { directory.appendingPathComponent("chapter.md").path }

        init(_ source: String) throws {
            directory = try TestPaths.temporaryDirectory()
            try write(source)
        }

        func write(_ source: String) throws {
            try Data(source.utf8).write(to: URL(fileURLWithPath: path))
        }

        var text: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

        /// Runs the chapter in place and returns the exit status and what went to stderr.
        @discardableResult
        func run(cache: Bool = true, seed: UInt64 = 0, library: LibrarySettings = LibrarySettings()) -> (ChapterJob.ExitStatus, String) {
            let console = CapturedConsole()
            let options = RunOptions(seed: seed, timeout: 600, library: library, cache: cache ? CachePolicy() : nil)
            let status = ChapterJob.run(path, options: options, to: .inPlace, console: console.console)
            return (status, console.errors)
        }

        var cacheFolder: URL { directory.appendingPathComponent(".litrun-cache/chapter.md") }

        func snapshots() -> [URL] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)) ?? []).sorted()
                .map { cacheFolder.appendingPathComponent($0) }
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    /// Runs `source` once (filling the cache), applies `edit`, then runs the edited chapter
    /// resumed and, in another folder, from the start; the two files must be the same
    /// apart from training tables' seconds and images/s. Returns the resumed run's stderr.
    @discardableResult
    static func expectResumedEqualsFresh(_ source: String, edit: (String) -> String, library: LibrarySettings = LibrarySettings(),
                                         resumedAfter expected: Int?, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let resumed = try Workspace(source), fresh = try Workspace("")
        defer { resumed.remove(); fresh.remove() }
        resumed.run(library: library)
        let edited = edit(resumed.text)
        try resumed.write(edited)
        try fresh.write(edited)
        let (status, errors) = resumed.run(library: library)
        let (freshStatus, _) = fresh.run(cache: false, library: library)
        #expect(status == freshStatus, sourceLocation: sourceLocation)
        #expect(withoutWallClock(resumed.text) == withoutWallClock(fresh.text), "\(errors)", sourceLocation: sourceLocation)
        let summary = expected.map { ", resumed from the snapshot after cell \($0);" }
        if let summary {
            #expect(errors.contains(summary), "\(errors)", sourceLocation: sourceLocation)
        } else {
            #expect(!errors.contains(", resumed from the snapshot after cell"), "\(errors)", sourceLocation: sourceLocation)
        }
        return errors
    }

    /// The chapter with the wall-clock columns of training tables blanked.
    static func withoutWallClock(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count == 8, cells[1].trimmingCharacters(in: .whitespaces).allSatisfy(\.isNumber),
                  !cells[1].trimmingCharacters(in: .whitespaces).isEmpty else { return String(line) }
            var kept = cells.map(String.init)
            kept[5] = " - "
            kept[6] = " - "
            return kept.joined(separator: "|")
        }.joined(separator: "\n")
    }

    /// Puts `line` at the top of the last cell's code.
    static func editLastCell(_ line: String) -> (String) -> String {
        { text in
            let fence = text.range(of: "```swift", options: .backwards)!
            let endOfLine = text[fence.upperBound...].firstIndex(of: "\n")!
            return String(text[...endOfLine]) + line + "\n" + String(text[text.index(after: endOfLine)...])
        }
    }

    static var chapters: [String] {
        let folder = TestPaths.repository.appendingPathComponent("chapters")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
    }

    @Test(.enabled(if: RealFashionMNIST.isInstalled), arguments: chapters)
    func everyChapterResumesExactlyAfterAnEditToItsLastCell(_ name: String) throws {
        let source = try String(contentsOf: TestPaths.repository.appendingPathComponent("chapters/\(name)"), encoding: .utf8)
        let chapter = try Chapter.parse(Array(source.utf8), path: name)
        // The run resumes after the last cell that runs before the edited last one.
        let before = chapter.cells.dropLast().last { !$0.flags.contains(.norun) }?.number
        let library = LibrarySettings(budget: .quick)
        let edited = try Self.expectResumedEqualsFresh(source, edit: Self.editLastCell("print(\"edited\")"), library: library,
                                                       resumedAfter: before)
        #expect(!edited.contains("note:"), "\(edited)")
    }

    @Test func aModelChangedInOneCellAndTrainedInTheNext() throws {
        let directory = try FashionMNISTFixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let library = LibrarySettings(dataDirectory: directory.path)
        let source = """
            ```swift
            let net = Sequential(Flatten(), Linear(784, 10))
            let (trainIter, testIter) = loadFashionMNIST(batchSize: 2)
            ```

            ```swift
            net.add("scale", Sequential(BatchNorm1d(10), Linear(10, 10)))
            net[1].eval()
            ```

            ```swift
            let opt = SGD(net.parameters(), lr: 0.1)
            for (X, y) in trainIter {
                opt.zeroGrad()
                let loss = crossEntropy(net(X), y)
                loss.backward()
                opt.step()
                print(loss.item())
            }
            print(net)
            ```

            """
        try Self.expectResumedEqualsFresh(source, edit: Self.editLastCell("print(\"again\")"), library: library, resumedAfter: 2)
        try Self.expectResumedEqualsFresh(source, edit: { $0.replacingOccurrences(of: "Linear(10, 10)", with: "Linear(10, 10, bias: false)") },
                                          library: library, resumedAfter: 1)
    }

    @Test func aClosureSeesTheVariableALaterCellChanged() throws {
        let source = """
            ```swift
            var scale = 2
            let times = { (x: Int) -> Int in x * scale }
            func describe() -> String { "scale \\(scale)" }
            ```

            ```swift
            scale = 5
            ```

            ```swift
            print(times(3), describe())
            ```

            """
        try Self.expectResumedEqualsFresh(source, edit: Self.editLastCell("scale += 1"), resumedAfter: 2)
    }

    @Test func anUneditedOrProseOnlyEditedChapterRunsNothing() throws {
        let workspace = try Workspace("# T\n\n```swift\nlet x = 2\n```\n\n```swift\nprint(x * 21)\n```\n")
        defer { workspace.remove() }
        workspace.run()
        let first = workspace.text
        #expect(workspace.run().1.contains("unchanged: ran 0 of 2 cells"))
        try workspace.write(first.replacingOccurrences(of: "# T", with: "# Title\n\nNew prose."))
        let (status, errors) = workspace.run()
        #expect(status == .success)
        #expect(errors.contains("unchanged: ran 0 of 2 cells"), "\(errors)")
        #expect(errors.contains("resumed from the snapshot after cell 2"), "\(errors)")
        #expect(workspace.text == first.replacingOccurrences(of: "# T", with: "# Title\n\nNew prose."))
    }

    @Test func aBackwardPassThroughALiveGraphRunsFromTheStart() throws {
        let source = """
            ```swift
            let w = Parameter(tensor([1.0, 2.0]))
            let y = (w * w).sum()
            ```

            ```swift
            print(y)
            ```

            ```swift
            y.backward()
            print(w.grad!)
            ```

            """
        let errors = try Self.expectResumedEqualsFresh(source, edit: Self.editLastCell("print(1)"), resumedAfter: nil)
        #expect(errors.contains("note: cell 3 back-propagates through a gradient graph built before the snapshot"), "\(errors)")
    }

    @Test func aValueNoSnapshotKeepsLeavesTheCellsWithoutOne() throws {
        let source = "```swift\nlet a = 1\n```\n\n```swift\nlet t = randn(2)\nlet f = t.sum\n```\n\n```swift\nprint(f())\n```\n"
        let errors = try Self.expectResumedEqualsFresh(source, edit: Self.editLastCell("print(a)"), resumedAfter: 1)
        #expect(errors.contains("no snapshot kept after cells 2, 3, so a later run cannot resume there: "
                                + "cannot snapshot the function value 'sum' (a method taken from a value), in 'f'"), "\(errors)")
    }

    @Test func figuresOfTheSkippedCellsComeFromTheRecordWithTheSameBytes() throws {
        let source = """
            ```swift
            plot(x: [1, 2, 3], series: ["train": [1.0, 0.5, 0.25], "test": [1.0, 0.7, 0.6]], xLabel: "epoch", logY: true)
            ```

            ```swift
            let X = rand(3, 1, 4, 4)
            showImages(X, titles: fashionMNISTLabels([0, 1, 2]))
            ```

            ```swift
            showImages(X[0..<1])
            ```

            """
        let edit = Self.editLastCell("print(X.shape)")
        try Self.expectResumedEqualsFresh(source, edit: edit, resumedAfter: 2)

        // With the assets folder gone, the resumed run writes the figures of the cells it
        // skipped from the cache, and the last cell draws X, restored from the snapshot,
        // as the first run drew it.
        let workspace = try Workspace(source)
        defer { workspace.remove() }
        workspace.run()
        let assets = workspace.directory.appendingPathComponent("chapter.assets")
        func files() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: assets.path) {
                files[name] = try Data(contentsOf: assets.appendingPathComponent(name))
            }
            return files
        }
        let first = try files()
        #expect(first.keys.sorted() == ["cell-1-plot.svg", "cell-2-images.svg", "cell-3-images.svg"])
        try FileManager.default.removeItem(at: assets)
        try workspace.write(edit(workspace.text))
        let (status, errors) = workspace.run()
        #expect(status == .success)
        #expect(errors.contains("resumed from the snapshot after cell 2"), "\(errors)")
        #expect(try files() == first)
    }
}

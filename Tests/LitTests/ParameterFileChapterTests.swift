import Foundation
import Lit
import LitData
import LitLibrary
import LitTestSupport
import Testing

/// Chapters that save parameters in one cell and load them in another, run as the
/// command runs them: the file lands in the assets folder with the figures, a resumed run
/// loads what a skipped cell saved, and a quick run never replaces a full run's file.
@Suite struct ParameterFileChapterTests {
    static let chapter = """
        # Files

        ```swift
        let net = Sequential(Linear(4, 8), ReLU(), Linear(8, 3))
        let X = randn(2, 4)
        save(net.stateDict(), "mlp.params")
        ```

        ```swift
        let clone = Sequential(Linear(4, 8), ReLU(), Linear(8, 3))
        clone.loadStateDict(load("mlp.params"))
        print((clone(X) .== net(X)).mean().item())
        ```

        """

    static func saved(in workspace: ResumeTests.Workspace, _ name: String = "mlp.params") -> Data? {
        FileManager.default.contents(atPath: workspace.directory.appendingPathComponent("chapter.assets/\(name)").path)
    }

    @Test func theSavedFileLandsInTheAssetsFolder() throws {
        let workspace = try ResumeTests.Workspace(Self.chapter)
        defer { workspace.remove() }
        let (status, errors) = workspace.run()
        #expect(status == .success, "\(errors)")
        #expect(workspace.text.contains("1.0"))
        let file = try #require(Self.saved(in: workspace))
        guard case .named(let entries) = try ParameterFile.decode([UInt8](file), name: "mlp.params") else {
            Issue.record("not a state dict")
            return
        }
        #expect(entries.map(\.name) == ["0.weight", "0.bias", "2.weight", "2.bias"])
        #expect(entries.map(\.tensor.shape) == [[8, 4], [8], [3, 8], [3]])
    }

    /// The load cell changed, so the run resumes after the save cell: the file it saved
    /// comes from the snapshot, even when the copy on disk is gone, and is written again.
    @Test func aResumedRunLoadsWhatASkippedCellSaved() throws {
        let workspace = try ResumeTests.Workspace(Self.chapter)
        defer { workspace.remove() }
        workspace.run()
        let first = try #require(Self.saved(in: workspace))
        try FileManager.default.removeItem(at: workspace.directory.appendingPathComponent("chapter.assets/mlp.params"))
        try workspace.write(ResumeTests.editLastCell("print(\"edited\")")(workspace.text))
        let (status, errors) = workspace.run()
        #expect(status == .success, "\(errors)")
        #expect(errors.contains("ran 1 of 2 cells"), "\(errors)")
        #expect(errors.contains("resumed from the snapshot after cell 1"), "\(errors)")
        #expect(workspace.text.contains("edited\n1.0"), "\(workspace.text)")
        #expect(Self.saved(in: workspace) == first)
        // And the resumed run writes exactly what a run from the start writes.
        try ResumeTests.expectResumedEqualsFresh(Self.chapter, edit: ResumeTests.editLastCell("print(2)"), resumedAfter: 1)
    }

    @Test func aQuickRunKeepsItsOwnFile() throws {
        let workspace = try ResumeTests.Workspace(Self.chapter)
        defer { workspace.remove() }
        workspace.run()
        // Mark the full run's file, to see that the quick run leaves it alone.
        let marked = try ParameterFile.encode(.array([]), name: "mlp.params")
        try Data(marked).write(to: workspace.directory.appendingPathComponent("chapter.assets/mlp.params"))
        let (status, errors) = workspace.run(library: LibrarySettings(budget: .quick))
        #expect(status == .success, "\(errors)")
        #expect(workspace.text.contains("1.0"))
        #expect(Self.saved(in: workspace) == Data(marked))
        let quick = try #require(Self.saved(in: workspace, "mlp-quick.params"))
        #expect(try ParameterFile.decode([UInt8](quick), name: "mlp-quick.params").isNamed)
    }

    @Test func aRunToStandardOutputWritesTheFileAsItWritesFigures() throws {
        let workspace = try ResumeTests.Workspace(Self.chapter)
        defer { workspace.remove() }
        let console = CapturedConsole()
        let status = ChapterJob.run(workspace.path, options: RunOptions(seed: 0, timeout: 600), to: .standardOutput, console: console.console)
        #expect(status == .success, "\(console.errors)")
        #expect(console.output.contains("1.0"))
        #expect(workspace.text == Self.chapter)
        #expect(Self.saved(in: workspace) != nil)
    }

    /// A link put where the saved file goes: the save cell refuses it, and when that cell
    /// is skipped by a resumed run, the writer refuses it; the link's target never changes.
    @Test func aLinkInTheAssetsFolderIsNeverWrittenThrough() throws {
        let workspace = try ResumeTests.Workspace(Self.chapter)
        defer { workspace.remove() }
        let secret = workspace.directory.appendingPathComponent("secret.txt")
        try Data("secret\n".utf8).write(to: secret)
        let file = workspace.directory.appendingPathComponent("chapter.assets/mlp.params")
        workspace.run()
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: secret.path)
        try workspace.write(ResumeTests.editLastCell("print(\"edited\")")(workspace.text))
        let (resumedStatus, resumedErrors) = workspace.run()
        #expect(resumedStatus == .badInput)
        #expect(resumedErrors.contains("mlp.params': it goes through a symbolic link"), "\(resumedErrors)")
        let (status, errors) = workspace.run(cache: false)
        #expect(status == .cellFailed)
        #expect(errors.contains("'chapter.assets/mlp.params' is a symbolic link; saved files are never read or written through a link"),
                "\(errors)")
        #expect(try String(contentsOf: secret, encoding: .utf8) == "secret\n")
    }
}

extension ParameterFile.Contents {
    var isNamed: Bool {
        if case .named = self { return true }
        return false
    }
}

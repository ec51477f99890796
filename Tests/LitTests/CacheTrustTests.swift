import Foundation
import Lit
import LitArchive
import LitDocument
import LitLibrary
import LitTestSupport
import Testing

/// A snapshot that is damaged, or saved under other settings, is refused with a one-line
/// note, and the run starts from the beginning: the result is what `--no-cache` writes.
@Suite struct CacheTrustTests {
    typealias Workspace = ResumeTests.Workspace

    static let source = """
        # Cells

        ```swift
        var total = 0
        for i in 0..<10 { total += i }
        ```

        ```swift
        let t = randn(2, 3)
        print(t.sum(dim: 1))
        ```

        ```swift
        print(total, t.shape)
        ```

        """

    /// Runs the chapter, damages the newest snapshot with `damage`, edits the last cell
    /// and runs again: the run must start from cell 1, say why in a note containing
    /// `reason`, and write what a run from the start writes.
    static func expectRefused(reason: String, seed: UInt64 = 0, library: LibrarySettings = LibrarySettings(),
                              damage: (Workspace) throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let workspace = try Workspace(source), fresh = try Workspace("")
        defer { workspace.remove(); fresh.remove() }
        workspace.run()
        #expect(workspace.snapshots().count == 3, sourceLocation: sourceLocation)
        try damage(workspace)
        let edited = ResumeTests.editLastCell("print(\"edited\")")(workspace.text)
        try workspace.write(edited)
        try fresh.write(edited)
        let (status, errors) = workspace.run(seed: seed, library: library)
        fresh.run(cache: false, seed: seed, library: library)
        #expect(status == .success, sourceLocation: sourceLocation)
        #expect(errors.contains("ran 3 of 3 cells"), "\(errors)", sourceLocation: sourceLocation)
        let notes = errors.split(separator: "\n").filter { $0.contains(": note: ") }
        #expect(notes.count == 1 && notes[0].contains(reason), "\(errors)", sourceLocation: sourceLocation)
        #expect(workspace.text == fresh.text, sourceLocation: sourceLocation)
        // The refused snapshot is gone and the run saved good ones: the next run resumes.
        try workspace.write(ResumeTests.editLastCell("print(2)")(workspace.text))
        #expect(workspace.run(seed: seed, library: library).1.contains("resumed from the snapshot after cell 2"),
                sourceLocation: sourceLocation)
    }

    /// The snapshot after cell 2, the one an edit to cell 3 resumes from.
    static func second(_ workspace: Workspace) -> URL {
        workspace.snapshots().first { $0.lastPathComponent.hasPrefix("cell-2-") }!
    }

    static func rewrite(_ url: URL, _ change: (inout [UInt8]) -> Void) throws {
        var bytes = Array(try Data(contentsOf: url))
        change(&bytes)
        try Data(bytes).write(to: url)
    }

    @Test func aTruncatedSnapshot() throws {
        try Self.expectRefused(reason: "the snapshot after cell 2 cannot be used: the snapshot is truncated; running from the start") {
            try Self.rewrite(Self.second($0)) { $0.removeLast($0.count / 2) }
        }
    }

    @Test func aSnapshotChangedByHand() throws {
        try Self.expectRefused(reason: "the snapshot's checksum does not match its contents") {
            try Self.rewrite(Self.second($0)) { $0[$0.count - 10] ^= 0x20 }
        }
    }

    @Test func aFileThatIsNotASnapshot() throws {
        try Self.expectRefused(reason: "the file is not a litrun snapshot") {
            try Data("hello".utf8).write(to: Self.second($0))
        }
    }

    @Test func aSnapshotOfAnotherFormatVersion() throws {
        try Self.expectRefused(reason: "the snapshot has format version 7, expected 1") {
            try Self.rewrite(Self.second($0)) { $0[8] = 7 }
        }
    }

    /// A snapshot sealed again under a changed key, as another build of litrun would have saved it.
    @Test func aSnapshotFromAnotherBuild() throws {
        try Self.expectRefused(reason: "it was saved with another litrun build (0.0.1-00000000, not") {
            try Self.reseal(Self.second($0)) { key in
                key.replacingOccurrences(of: #"build=\S+"#, with: "build=0.0.1-00000000", options: .regularExpression)
            }
        }
    }

    @Test func aSnapshotFromAnotherSeed() throws {
        try Self.expectRefused(reason: "it was saved with another seed (0, not 5)", seed: 5) { _ in }
    }

    @Test func aSnapshotFromOtherDataFiles() throws {
        let directory = try FashionMNISTFixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let library = LibrarySettings(dataDirectory: directory.path)
        try Self.expectRefused(reason: "it was saved with other data files", library: library) { _ in
            // The first run read the standard data location; this one another folder.
        }
    }

    @Test func aCacheOfAnotherBudgetOnly() throws {
        try Self.expectRefused(reason: "the cache holds snapshots of these cells for the 'full' budget only, not 'quick'",
                               library: LibrarySettings(budget: .quick)) { _ in }
    }

    @Test func aFileTheCellsReadChangedSinceTheSnapshot() throws {
        let source = "```swift\nlet text = readText(\"notes.txt\")\n```\n\n```swift\nprint(text)\n```\n\n```swift\nprint(1)\n```\n"
        let workspace = try Workspace(source), fresh = try Workspace("")
        defer { workspace.remove(); fresh.remove() }
        try Data("first\n".utf8).write(to: workspace.directory.appendingPathComponent("notes.txt"))
        workspace.run()
        try Data("second, longer\n".utf8).write(to: workspace.directory.appendingPathComponent("notes.txt"))
        try Data("second, longer\n".utf8).write(to: fresh.directory.appendingPathComponent("notes.txt"))
        let edited = ResumeTests.editLastCell("print(2)")(workspace.text)
        try workspace.write(edited)
        try fresh.write(edited)
        let (_, errors) = workspace.run()
        fresh.run(cache: false)
        #expect(errors.contains("note: the snapshot after cell 2 cannot be used: 'notes.txt', which the cells read, changed since; "
                                + "running from the start"), "\(errors)")
        #expect(errors.contains("ran 3 of 3 cells"), "\(errors)")
        #expect(workspace.text == fresh.text && workspace.text.contains("second, longer"))
    }

    static func reseal(_ url: URL, key change: (String) -> String) throws {
        let file = Array(try Data(contentsOf: url))
        let keyCount = Int(file[12]) | Int(file[13]) << 8 | Int(file[14]) << 16 | Int(file[15]) << 24
        let key = String(decoding: file[16..<16 + keyCount], as: UTF8.self)
        let payload = try SnapshotFile.open(file, key: key)
        try Data(SnapshotFile.seal(payload, key: change(key))).write(to: url)
    }
}

import Foundation
import LitDiagnostics
import LitDocument
import LitTestSupport
import Testing

@Suite struct AtomicFileTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("litrun-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesAndLeavesNoTemporaryFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("chapter.md").path
        try AtomicFile.write(Array("first\r\n".utf8), to: path)
        #expect(try Chapter.readBytes(path: path) == Array("first\r\n".utf8))

        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let bigger = [UInt8](repeating: UInt8(ascii: "x"), count: 300_000)
        try AtomicFile.write(bigger, to: path)
        #expect(try Chapter.readBytes(path: path) == bigger)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        try AtomicFile.write([], to: path)
        #expect(try Chapter.readBytes(path: path) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["chapter.md"])
    }

    @Test func writesThroughASymbolicLink() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let real = directory.appendingPathComponent("real.md").path
        let link = directory.appendingPathComponent("link.md").path
        try AtomicFile.write(Array("old".utf8), to: real)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try AtomicFile.write(Array("new".utf8), to: link)
        #expect(try Chapter.readBytes(path: real) == Array("new".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["link.md", "real.md"])
    }

    @Test func reportsAnUnwritableDirectory() throws {
        let error = #expect(throws: Diagnostic.self) { try AtomicFile.write([1], to: "/nonexistent/dir/chapter.md") }
        guard case .writeFailed(let path, _)? = error?.message as? DocumentError else { Issue.record("wrong message"); return }
        #expect(path == "/nonexistent/dir/chapter.md")
    }
}

/// Writes that fail after they started leave the old chapter whole and no temporary file.
@Suite struct AtomicFileFailureTests {
    @Test func aRenameOntoADirectoryLeavesNothingBehind() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("chapter.md")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let error = #expect(throws: Diagnostic.self) { try AtomicFile.write(Array("new".utf8), to: target.path) }
        guard case .writeFailed(let path, let reason)? = error?.message as? DocumentError else { Issue.record("wrong error: \(String(describing: error))"); return }
        #expect(path == target.path)
        #expect(reason == String(cString: strerror(EISDIR)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["chapter.md"])
    }

    /// The file-size limit makes `write` fail with EFBIG part of the way through the new
    /// chapter (in a child process, so no other test sees the limit).
    @Test func aWriteThatFailsPartwayKeepsTheOldChapter() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let chapter = directory.appendingPathComponent("chapter.md")
        // 20 cells of 200 printed lines: the written chapter is far past the 64 KiB limit.
        let cells = (1...20).map { "```swift\nfor i in 0..<200 { print(\"line \\(i) of cell \($0)\") }\n```\n" }
        let original = Data(("# Big\n\n" + cells.joined(separator: "\n")).utf8)
        try original.write(to: chapter)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // Ignoring SIGXFSZ makes write return EFBIG instead of killing the process.
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" chapter.md", TestPaths.litrun.path]
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(stderr)")
        #expect(stderr.contains("error: cannot write 'chapter.md': \(String(cString: strerror(EFBIG)))"), "\(stderr)")
        #expect(try Data(contentsOf: chapter) == original)
        // The snapshot cache may be there; no temporary file may be left beside the chapter.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != ".litrun-cache" } == ["chapter.md"])
    }
}

import Foundation
import Testing
@testable import Lit

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
        guard case .writeFailed(let path, _) = error?.message else { Issue.record("wrong message"); return }
        #expect(path == "/nonexistent/dir/chapter.md")
    }
}

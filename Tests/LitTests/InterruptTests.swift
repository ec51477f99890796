import Foundation
import Lit
import LitDocument
import LitTestSupport
import Testing

/// Ctrl-C (SIGINT) sent to the real `litrun`: the finished cells keep their outputs, the
/// interrupted cell is marked `status=interrupted`, the rest `not-run`, and litrun exits 130.
@Suite struct InterruptTests {
    /// Starts litrun on `chapter.md` in `directory`, sends SIGINT after `delay` seconds and
    /// returns the exit status and standard error.
    private func interrupt(after delay: Double, in directory: URL, arguments: [String] = []) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = TestPaths.litrun
        process.arguments = arguments + ["chapter.md"]
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        process.interrupt()
        // The test runner blocks most signals and children inherit that: if litrun ever
        // missed the interrupt, kill it rather than leave it spinning.
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            Issue.record("litrun did not stop within 30 s of SIGINT")
            kill(process.processIdentifier, SIGKILL)
        }
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }

    @Test func aLoopingCellIsMarkedInterrupted() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let chapter = directory.appendingPathComponent("chapter.md")
        try Data("```swift\nprint(\"before\")\n```\n\n```swift\nwhile true {}\n```\n\n```swift\nprint(\"after\")\n```\n".utf8)
            .write(to: chapter)
        let (status, stderr) = try interrupt(after: 1.5, in: directory)
        #expect(status == 130, "\(stderr)")
        #expect(stderr.contains("chapter.md:14:1: error: cell 2 was interrupted"), "\(stderr)")
        #expect(stderr.contains("chapter.md: interrupted: ran 2 of 3 cells"), "\(stderr)")
        let written = try Chapter.read(path: chapter.path)
        #expect(written.cells[0].output?.body.contains("before") == true)
        #expect(written.cells[1].output?.marker.status == .interrupted)
        #expect(written.cells[2].output == nil)
        #expect(written.closingMarkers.last?.marker.status == .notRun)
        let check = StalenessCheck.staleCells(in: written).map(\.message.text)
        #expect(check == ["cell 2 is stale: it was interrupted in the last run", "cell 3 is stale: it did not run in the last run"])

        // The next run starts from the snapshot of the cell that finished.
        let fixed = String(decoding: try Data(contentsOf: chapter), as: UTF8.self).replacingOccurrences(of: "while true {}", with: "print(2)")
        try Data(fixed.utf8).write(to: chapter)
        let rerun = try runLitrun(["chapter.md"], in: directory)
        #expect(rerun.status == 0)
        #expect(rerun.standardError.contains("chapter.md: updated: ran 2 of 3 cells in "), "\(rerun.standardError)")
        #expect(rerun.standardError.contains(", resumed from the snapshot after cell 1;"), "\(rerun.standardError)")
        #expect(try Chapter.read(path: chapter.path).cells.map { $0.output?.marker.status } == [.ok, .ok, .ok])
    }

    @Test func anInterruptedTrainingKeepsItsFinishedEpochs() throws {
        let directory = try FashionMNISTFixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let chapter = directory.appendingPathComponent("chapter.md")
        try Data("```swift\n\(StoppedTrainingTests.slowTraining)\n```\n".utf8).write(to: chapter)
        let (status, stderr) = try interrupt(after: 3, in: directory, arguments: ["--data", directory.path])
        #expect(status == 130, "\(stderr)")
        let block = try #require(try Chapter.read(path: chapter.path).cells[0].output)
        #expect(block.marker.status == .interrupted)
        #expect(block.body.contains("| 1 | "), "\(block.body)")
        #expect(block.body.contains("Training stopped in epoch "))
        #expect(block.body.contains("error: cell 1 was interrupted"))
    }
}

import Foundation
import LitDocument
import LitTestSupport
import Testing

/// Signals sent to the real `litrun` at random moments of a run never leave a mixture:
/// after SIGINT or SIGTERM the chapter is the old file, or the old file with the outputs of
/// the cells that finished (and the interrupted cell marked); after SIGKILL it is the old
/// file or the complete new one.
@Suite(.serialized) struct InterruptStressTests {
    /// Six cells of about 0.1 s each, whose outputs do not depend on timing.
    static let source = (1...6).map { cell in
        "## Cell \(cell)\n\n```swift\nvar total = 0\nfor i in 0..<60_000 { total += i % \(cell + 6) }\nprint(\"cell \(cell):\", total)\n```\n"
    }.joined(separator: "\n")

    /// A fixed generator, so a failing delay can be reproduced.
    struct Delays {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        mutating func next(upTo limit: Double) -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) * limit
        }
    }

    /// Runs litrun on a fresh copy of the chapter, sends `signal` after `delay` seconds and
    /// returns the file as it was left.
    private func run(sending signal: Int32, after delay: Double) throws -> (bytes: [UInt8], directory: URL) {
        let directory = try TestPaths.temporaryDirectory()
        let chapter = directory.appendingPathComponent("chapter.md")
        try Data(Self.source.utf8).write(to: chapter)
        let process = Process()
        process.executableURL = TestPaths.litrun
        process.arguments = ["chapter.md"]
        process.currentDirectoryURL = directory
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            Issue.record("litrun did not stop within 30 s of signal \(signal)")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let status = process.terminationStatus
        #expect([0, 130].contains(status) || process.terminationReason == .uncaughtSignal, "exit status \(status)")
        return (Array(try Data(contentsOf: chapter)), directory)
    }

    /// The chapter as an uninterrupted run writes it, and how long that run takes (signal
    /// 0 sends nothing, so the run finishes).
    private func completeRun() throws -> (bytes: [UInt8], seconds: Double) {
        let start = Date()
        let (bytes, directory) = try run(sending: 0, after: 0)
        defer { try? FileManager.default.removeItem(at: directory) }
        return (bytes, Date().timeIntervalSince(start))
    }

    @Test func sigintAndSigtermLeaveTheOldFileWithFinishedOutputs() throws {
        let complete = try completeRun()
        let reference = try Chapter.parse(complete.bytes, path: "chapter.md")
        let old = Array(Self.source.utf8)
        var delays = Delays()
        for round in 0..<40 {
            let signal = round % 2 == 0 ? SIGINT : SIGTERM
            let delay = delays.next(upTo: complete.seconds * 1.1)
            let (bytes, directory) = try run(sending: signal, after: delay)
            defer { try? FileManager.default.removeItem(at: directory) }
            let written = try Chapter.parse(bytes, path: "chapter.md")
            let cleared = Dictionary(uniqueKeysWithValues: written.cells.map { ($0.number, CellUpdate.noOutput) })
            #expect(written.spliced(cleared, closing: .remove) == old, "signal \(signal) after \(delay) s: prose changed")
            var interrupted = 0
            for cell in written.cells {
                guard let block = cell.output else { continue }
                switch block.marker.status {
                case .ok:
                    #expect(block.body == reference.cells[cell.number - 1].output?.body,
                            "signal \(signal) after \(delay) s: cell \(cell.number) has a partial output")
                case .interrupted: interrupted += 1
                case .notRun, .error:
                    Issue.record("signal \(signal) after \(delay) s: cell \(cell.number) is \(block.marker.status)")
                }
            }
            #expect(interrupted <= 1)
        }
    }

    @Test func sigkillLeavesTheOldFileOrTheCompleteNewOne() throws {
        let complete = try completeRun()
        let old = Array(Self.source.utf8)
        var delays = Delays(state: 42)
        var sawOld = false, sawNew = false
        func killRun(after delay: Double) throws {
            let (bytes, directory) = try run(sending: SIGKILL, after: delay)
            defer { try? FileManager.default.removeItem(at: directory) }
            #expect(bytes == old || bytes == complete.bytes, "SIGKILL after \(delay) s left a mixture")
            sawOld = sawOld || bytes == old
            sawNew = sawNew || bytes == complete.bytes
        }
        for _ in 0..<20 { try killRun(after: delays.next(upTo: complete.seconds * 1.1)) }
        // Other suites share the cores, so a run can take longer than the one measured above;
        // later kills make sure the end of the run was reached too.
        var late = complete.seconds * 1.5
        while !sawNew && late < complete.seconds * 20 {
            try killRun(after: late)
            late *= 1.5
        }
        #expect(sawOld && sawNew)
    }
}

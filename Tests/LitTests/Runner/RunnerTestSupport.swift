import Foundation
import Lit

/// Paths to the repository and its test fixtures.
enum TestPaths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repository = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")

    /// Golden files are re-recorded instead of compared when this is set.
    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// A fresh directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("litrun-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The `litrun` executable built beside the test bundle.
    static var litrun: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("litrun")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/litrun")
    }
}

/// Collects what a job writes to the console.
final class CapturedConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var errorLines: [String] = []
    private var outputText = ""

    var console: ChapterJob.Console {
        ChapterJob.Console(
            error: { line in self.lock.withLock { self.errorLines.append(line) } },
            output: { text in self.lock.withLock { self.outputText += text } })
    }

    var errors: String { lock.withLock { errorLines.joined(separator: "\n") } }
    var output: String { lock.withLock { outputText } }
}

/// The result of running the `litrun` executable.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

func runLitrun(_ arguments: [String], in directory: URL) throws -> CommandResult {
    let process = Process()
    process.executableURL = TestPaths.litrun
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                         standardError: String(decoding: errData, as: UTF8.self))
}

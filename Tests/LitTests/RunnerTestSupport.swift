import Foundation
import Lit
import LitData
import LitLibrary
import LitTestSupport

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

/// Whether the real Fashion-MNIST files are where the library looks for them: the check
/// of FashionMNISTTests.isInstalled, which is in LitLibraryTests.
enum RealFashionMNIST {
    static var isInstalled: Bool {
        FashionMNIST.fileNames.allSatisfy { FileManager.default.fileExists(atPath: LibrarySettings.standardDataDirectory + "/" + $0) }
    }
}

import Foundation

/// Paths to the repository and its test fixtures.
package enum TestPaths {
    /// Tests/, which holds one folder per test target and the fixtures they share.
    package static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    package static let repository = testsDirectory.deletingLastPathComponent()
    package static let fixtures = testsDirectory.appendingPathComponent("Fixtures")

    /// Golden files are re-recorded instead of compared when this is set.
    package static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// A fresh directory for one test.
    package static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("litrun-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The `litrun` executable built beside the test bundle.
    package static var litrun: URL {
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

import Foundation
import Lit
import LitTestSupport
import Testing

/// Each fixture chapter in Fixtures/diagnostics is run; what litrun prints on stderr
/// and the chapter it writes are compared with `NAME.stderr` and `NAME.out.md`. Positions
/// on stderr are in the chapter as written; `as-read.stderr` holds every fixture's stderr
/// from a `--stdout` run, which writes no chapter, so positions are in the file as read.
/// Re-record with `RECORD_GOLDEN=1 swift test --filter DiagnosticGoldenTests`.
@Suite struct DiagnosticGoldenTests {
    static let directory = TestPaths.fixtures.appendingPathComponent("diagnostics")

    static let chapters: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && !$0.hasSuffix(".out.md") }.sorted()
    }()

    /// An empty list would pass every parameterised test by running none.
    @Test func everyFixtureIsFound() {
        #expect(Self.chapters.count == 15, "\(Self.chapters)")
    }

    @Test(arguments: chapters)
    func matchesGolden(_ name: String) throws {
        let run = try Self.run(name, to: .inPlace)
        let transcript = "exit status: \(run.status.rawValue)\n" + run.stderr + "\n"
        let base = String(name.dropLast(3))
        try compare(Data(transcript.utf8), golden: Self.directory.appendingPathComponent(base + ".stderr"))
        try compare(run.written, golden: Self.directory.appendingPathComponent(base + ".out.md"))
    }

    @Test func positionsAreInTheFileAsReadWhenNothingIsWritten() throws {
        var transcript = ""
        for name in Self.chapters {
            let run = try Self.run(name, to: .standardOutput)
            transcript += "== \(name): exit status \(run.status.rawValue)\n\(run.stderr)\n"
        }
        try compare(Data(transcript.utf8), golden: Self.directory.appendingPathComponent("as-read.stderr"))
    }

    /// Runs a copy of fixture `name` and returns the exit status, stderr (paths relative and
    /// the summary's timing replaced, as they vary from run to run) and the chapter after.
    private static func run(_ name: String, to destination: ChapterJob.Destination) throws
        -> (status: ChapterJob.ExitStatus, stderr: String, written: Data) {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let chapter = work.appendingPathComponent(name)
        try FileManager.default.copyItem(at: directory.appendingPathComponent(name), to: chapter)
        let captured = CapturedConsole()
        let status = ChapterJob.run(chapter.path, options: RunOptions(seed: 0, timeout: 1), to: destination, console: captured.console)
        let stderr = captured.errors.replacingOccurrences(of: work.path + "/", with: "")
            .replacingOccurrences(of: #"cells in [0-9.]+ s"#, with: "cells in <time> s", options: .regularExpression)
        return (status, stderr, try Data(contentsOf: chapter))
    }

    private func compare(_ actual: Data, golden: URL) throws {
        if TestPaths.isRecording {
            try actual.write(to: golden)
            return
        }
        let expected = try Data(contentsOf: golden)
        // Bytes, not decoded text: decoding would hide a rewrite of invalid bytes as U+FFFD.
        #expect(actual == expected, """
            differs from \(golden.lastPathComponent); re-record with RECORD_GOLDEN=1 if the change is intended:
            \(String(decoding: actual, as: UTF8.self))
            """)
    }
}

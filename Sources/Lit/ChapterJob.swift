import Foundation
import LitDiagnostics
import LitDocument

/// What the `litrun` command does with one chapter: read, run or check, write back.
public enum ChapterJob {
    public enum Destination: Sendable {
        case inPlace
        case file(String)
        case standardOutput
    }

    public enum ExitStatus: Int32, Comparable, Sendable, Error {
        case success = 0
        case cellFailed = 1
        case badInput = 2
        /// Ctrl-C stopped a cell; the shell's convention for SIGINT.
        case interrupted = 130

        public static func < (a: ExitStatus, b: ExitStatus) -> Bool { a.rawValue < b.rawValue }
    }

    /// Where messages go; tests capture them.
    public struct Console: Sendable {
        public var error: @Sendable (String) -> Void
        public var output: @Sendable (String) -> Void

        public init(error: @escaping @Sendable (String) -> Void, output: @escaping @Sendable (String) -> Void) {
            self.error = error
            self.output = output
        }

        public static let standard = Console(
            error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
            output: { FileHandle.standardOutput.write(Data($0.utf8)) })
    }

    /// Runs every cell and writes the chapter with fresh outputs.
    public static func run(_ path: String, options: RunOptions, to destination: Destination,
                           console: Console = .standard) -> ExitStatus {
        let chapter: Chapter
        switch read(path, console: console) {
        case .success(let read): chapter = read
        case .failure(let status): return status
        }
        let started = Date()
        let report = ChapterRunner(options: options).run(chapter)
        var conflict = false
        var changed = true
        // Positions on stderr are in the file as written when this run wrote one, so that
        // an editor jumps to the line the output block shows; otherwise as read.
        var diagnostics = report.diagnostics
        var writeNotes: [String] = []
        do {
            let assetsBeside: String = if case .file(let target) = destination { target } else { path }
            try AssetWriter.write(report.assets, besideFile: assetsBeside)
            switch destination {
            case .inPlace:
                switch try InPlaceWriter.write(report.updates, closing: report.closing, into: chapter) {
                case .unchanged: changed = false
                case .written: diagnostics = report.diagnosticsAsWritten
                case .mergedIntoEditedChapter:
                    writeNotes.append("\(path): note: the chapter's prose changed while it ran; the outputs went into the edited file")
                case .savedBeside(let beside):
                    conflict = true
                    writeNotes.append("\(path): error: the chapter's cells changed while it ran, so it was not overwritten; "
                                      + "this run's result is in \(beside)")
                }
            case .file(let target):
                let result = chapter.spliced(report.updates, closing: report.closing)
                changed = FileManager.default.contents(atPath: target).map { Array($0) != result } ?? true
                try AtomicFile.write(result, to: target)
                diagnostics = report.diagnosticsAsWritten.map { $0.relocated(toFile: target) }
            case .standardOutput:
                let result = chapter.spliced(report.updates, closing: report.closing)
                changed = result != chapter.bytes
                console.output(String(decoding: result, as: UTF8.self))
            }
        } catch {
            for diagnostic in diagnostics { console.error(DiagnosticPrinter.render(diagnostic)) }
            console.error(DiagnosticPrinter.render(error))
            return .badInput
        }
        for diagnostic in diagnostics { console.error(DiagnosticPrinter.render(diagnostic)) }
        for note in writeNotes { console.error(note) }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        // Updated or unchanged: whether the written file differs from what was there.
        let summary = report.interrupted ? "interrupted" : report.failed ? "failed" : changed ? "updated" : "unchanged"
        let resumed = report.resumedAfter.map { ", resumed from the snapshot after cell \($0)" } ?? ""
        let cache = report.cacheSize.map { "; cache \(CachePolicy.text(bytes: $0))" } ?? ""
        console.error("\(path): \(summary): ran \(report.cellsRun) of \(chapter.cells.count) cells in \(seconds) s\(resumed)\(cache)")
        if report.interrupted { return .interrupted }
        return report.failed || conflict ? .cellFailed : .success
    }

    /// Deletes the chapter's snapshots (`--clean-cache`), running nothing.
    public static func cleanCache(_ path: String, console: Console = .standard) -> ExitStatus {
        do {
            let freed = try SnapshotCache(chapterPath: path, budget: "full").clean()
            console.error("\(path): cache cleaned, \(CachePolicy.text(bytes: freed)) freed")
            return .success
        } catch {
            console.error("\(path): error: cannot delete the snapshot cache: \(error.localizedDescription)")
            return .badInput
        }
    }

    /// Reports cells whose outputs are missing or stale, running nothing.
    public static func check(_ path: String, console: Console = .standard) -> ExitStatus {
        let chapter: Chapter
        switch read(path, console: console) {
        case .success(let read): chapter = read
        case .failure(let status): return status
        }
        let stale = StalenessCheck.staleCells(in: chapter)
        for finding in stale { console.error(DiagnosticPrinter.render(finding, showSource: false)) }
        if stale.isEmpty { console.error("\(path): up to date (\(chapter.cells.count) cells)") }
        return stale.isEmpty ? .success : .cellFailed
    }

    /// Reads a chapter, reporting why it cannot be run: an unreadable or binary file is
    /// bad input (2); a chapter with a malformed cell or block is a failure (1).
    package static func read(_ path: String, console: Console) -> Result<Chapter, ExitStatus> {
        do {
            return .success(try Chapter.read(path: path))
        } catch {
            console.error(DiagnosticPrinter.render(error))
            switch error.message as? DocumentError {
            case .unreadableFile?, .notMarkdown?: return .failure(.badInput)
            default: return .failure(.cellFailed)
            }
        }
    }
}

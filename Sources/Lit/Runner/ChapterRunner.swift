import Foundation

/// Runs a chapter's cells in order against one interpreter and decides each cell's
/// new output block. Nothing here touches the file system.
public struct ChapterRunner {
    public struct Report {
        /// What to do with each cell's output block, by cell number.
        public var updates: [Int: CellUpdate] = [:]
        /// Errors to show the user, positioned in the chapter as it will be written.
        public var diagnostics: [Diagnostic] = []
        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
        public var cellsRun = 0
    }

    /// A failed cell, kept until positions in the written chapter are known.
    private struct Failure {
        var cell: Cell
        var error: LanguageError?
        /// What the cell printed before failing.
        var printed: String
        var expected: Bool
    }

    public let options: RunOptions

    public init(options: RunOptions = RunOptions()) {
        self.options = options
    }

    public func run(_ chapter: Chapter) -> Report {
        LargeStackThread.run {
            if options.bindsCPUs { bindComputeThread() }
            return runOnCurrentThread(chapter)
        }
    }

    private func runOnCurrentThread(_ chapter: Chapter) -> Report {
        let interpreter = Interpreter(seed: options.seed, settings: options.library)
        let hashes = CellHash.chain(chapter.cells)
        var report = Report()
        var failures: [Failure] = []
        var stopped = false
        for cell in chapter.cells {
            if stopped {
                report.updates[cell.number] = cell.output == nil ? .keep : .markNotRun
                continue
            }
            if cell.flags.contains(.norun) {
                report.updates[cell.number] = .noOutput
                continue
            }
            report.cellsRun += 1
            do {
                let result = try interpreter.run(cell.code, cell: cell.number, timeout: options.timeout)
                if cell.flags.contains(.expectError) {
                    failures.append(Failure(cell: cell, error: nil, printed: result.text, expected: false))
                    stopped = true
                } else {
                    let marker = OutputMarker(cell: cell.number, hash: hashes[cell.number - 1])
                    report.updates[cell.number] = result.text.isEmpty ? .noOutput : .output(marker, [.text(result.text)])
                }
            } catch {
                let expected = cell.flags.contains(.expectError)
                failures.append(Failure(cell: cell, error: error, printed: interpreter.output, expected: expected))
                stopped = !expected
            }
        }
        // Errors shown inside the chapter give positions in the chapter as written, after
        // earlier cells' outputs changed size, so that a second run reproduces them
        // exactly; they render once to lay the chapter out, then with final positions.
        // Errors on stderr give positions in the chapter as it was read.
        func renderFailures(in written: Chapter) {
            report.diagnostics = []
            for failure in failures {
                let (update, diagnostic) = render(failure, hash: hashes[failure.cell.number - 1], in: written,
                                                   read: chapter)
                report.updates[failure.cell.number] = update
                if let diagnostic { report.diagnostics.append(diagnostic) }
            }
        }
        renderFailures(in: chapter)
        if !failures.isEmpty, let laidOut = try? Chapter.parse(chapter.spliced(report.updates), path: chapter.path),
           laidOut.cells.count == chapter.cells.count {
            renderFailures(in: laidOut)
        }
        return report
    }

    private func render(_ failure: Failure, hash: String, in written: Chapter,
                        read: Chapter) -> (CellUpdate, Diagnostic?) {
        let shown = DiagnosticLocator(chapter: written, displayPath: written.displayName)
        let reported = DiagnosticLocator(chapter: read, displayPath: read.path)
        let number = failure.cell.number
        guard let error = failure.error else {
            // An `expect-error` cell that ran cleanly.
            let fence = read.cells[number - 1].fenceLine
            let diagnostic = Diagnostic(.expectedErrorMissing, at: SourceLocation(file: read.path, line: fence, column: 1),
                                        sourceLine: read.line(fence))
            let writtenFence = written.cells[number - 1].fenceLine
            let inChapter = Diagnostic(.expectedErrorMissing, at: SourceLocation(file: written.displayName, line: writtenFence, column: 1),
                                       sourceLine: written.line(writtenFence))
            let marker = OutputMarker(cell: number, hash: hash, status: .error)
            return (.output(marker, [.text(failure.printed + DiagnosticPrinter.render(inChapter))]), diagnostic)
        }
        let text = failure.printed + DiagnosticPrinter.render(shown.diagnostic(for: error, runningCell: number))
        let marker = OutputMarker(cell: number, hash: hash, status: failure.expected ? .ok : .error)
        return (.output(marker, [.text(text)]),
                failure.expected ? nil : reported.diagnostic(for: error, runningCell: number))
    }
}

extension Chapter {
    /// The chapter's file name, used inside its own output blocks so that they do not
    /// change with the directory litrun was started from.
    public var displayName: String {
        URL(fileURLWithPath: path).lastPathComponent
    }
}

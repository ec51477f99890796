import Foundation
import LitData
import LitDiagnostics
import LitDocument
import LitLanguage
import LitLibrary
import LitTensor

/// Runs a chapter's cells in order against one interpreter and decides each cell's
/// new output block. Nothing here touches the file system.
public struct ChapterRunner {
    public struct Report {
        /// What to do with each cell's output block, by cell number.
        public var updates: [Int: CellUpdate] = [:]
        /// Errors and notes for standard error, positioned in the chapter as it was read.
        public var diagnostics: [Diagnostic] = []
        /// The same, positioned in the chapter as this run writes it (the positions its
        /// output blocks show), for when the chapter is written.
        public var diagnosticsAsWritten: [Diagnostic] = []
        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
        public var cellsRun = 0
        /// Files for the chapter's assets folder (training curves, saved parameters),
        /// relative to the chapter.
        public var assets: [ChapterAsset] = []
        /// The closing marker below the last cell, which lets `--check` see every cell.
        public var closing: ChapterMarker.Update = .keep
        /// Ctrl-C stopped the run; the command exits 130.
        public var interrupted = false
        /// The cell whose snapshot the run resumed from; nil for a run from the start.
        public var resumedAfter: Int?
        /// The bytes the snapshot cache holds after the run; nil without a cache.
        public var cacheSize: Int?
    }

    /// A failed cell, kept until positions in the written chapter are known.
    struct Failure {
        package var cell: Cell
        package var error: LanguageError?
        /// Tables and figures the cell produced before failing, then what it printed after them.
        package var items: [OutputItem] = []
        package var printed: String
        package var expected: Bool
        /// The run's `params=` marker text.
        package var params: String?
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

    /// The values `-p` gives the chapter's parameters, checked against its parameters
    /// cell, and the `params=` marker text when they differ from the chapter's own.
    private func parameterValues(for chapter: Chapter) throws(Diagnostic) -> (values: [(name: String, value: Value)], marker: String?) {
        guard let declared = try ChapterParameters(chapter) else {
            if let first = options.parameters.first {
                throw Diagnostic(RunnerError.noParametersCell(first.name), at: SourceLocation(file: chapter.path, line: 1, column: 1))
            }
            return ([], nil)
        }
        return try declared.values(for: options.parameters, in: chapter)
    }

    func makeSession(for chapter: Chapter) -> ChapterSession {
        let session = ChapterSession(seed: options.seed, settings: options.library)
        session.chapterName = chapter.displayName
        session.files = ChapterFolder(URL(fileURLWithPath: chapter.path).deletingLastPathComponent())
        return session
    }

    /// Runs the chapter, from the last usable snapshot when `resuming`; `notes` come
    /// first among the report's diagnostics.
    private func runOnCurrentThread(_ chapter: Chapter, resuming: Bool = true, notes initialNotes: [CacheNote.Placed] = []) -> Report {
        let parameters: (values: [(name: String, value: Value)], marker: String?)
        do {
            parameters = try parameterValues(for: chapter)
        } catch {
            var report = Report()
            report.diagnostics = [error]
            report.diagnosticsAsWritten = [error]
            return report
        }
        var session = makeSession(for: chapter)
        let budget = options.library.budget?.name
        let params = parameters.marker
        let hashes = CellHash.chain(chapter.cells)
        var report = Report()
        var failures: [Failure] = []
        var stopped = false
        var lastAttempted = 0
        var notes = initialNotes
        let cache = options.cache.map { _ in SnapshotCache(chapterPath: chapter.path, budget: SnapshotKey.variant(budget: budget, params: params)) }
        // Keys stat the data files, so they are made once per run.
        let keys = cache == nil ? [] : snapshotKeys(hashes, params: params)
        var snapshots = cache.map { SnapshotSaver(cache: $0, keys: keys, limit: options.cache?.limit ?? 0) }
        if resuming, let cache, let resumed = resume(chapter, hashes: hashes, keys: keys, params: params, from: cache, notes: &notes) {
            session = resumed.session ?? session
            // The figures and saved files of the cells skipped, so that a later cell can
            // load what one of them saved, and all of them are written again.
            session.restoreAssets(resumed.record.assets)
            report.updates = resumed.record.updates
            failures = resumed.record.failures
            lastAttempted = resumed.record.cell
            report.resumedAfter = resumed.record.cell
        }
        for cell in chapter.cells.dropFirst(lastAttempted) {
            if stopped {
                report.updates[cell.number] = cell.output == nil ? .keep : .markNotRun
                continue
            }
            if cell.flags.contains(.norun) {
                report.updates[cell.number] = .noOutput
                continue
            }
            report.cellsRun += 1
            lastAttempted = cell.number
            do {
                let result = try session.run(cell.code, cell: cell.number, timeout: options.timeout)
                if cell.flags.contains(.expectError) {
                    failures.append(Failure(cell: cell, error: nil, items: result.items, printed: "", expected: false, params: params))
                    stopped = true
                } else {
                    if cell.flags.contains(.parameters) {
                        for (name, value) in parameters.values { session.interpreter.globals.lookupLocal(name)?.value = value }
                    }
                    let marker = OutputMarker(cell: cell.number, hash: hashes[cell.number - 1], budget: budget, params: params)
                    report.updates[cell.number] = result.items.isEmpty ? .noOutput : .output(marker, result.items)
                }
            } catch {
                if session.neededMissingGraph {
                    return runOnCurrentThread(chapter, resuming: false, notes: notes + [(.graphNotKept(cell: cell.number), cell.number)])
                }
                if error.message.isInterrupt { report.interrupted = true }
                let expected = cell.flags.contains(.expectError) && !report.interrupted
                failures.append(Failure(cell: cell, error: error, items: session.emittedItems, printed: session.output,
                                        expected: expected, params: params))
                stopped = !expected
            }
            if !stopped, snapshots != nil {
                let record = RunRecord(cell: cell.number, updates: report.updates, failures: failures,
                                       assets: session.assets, filesRead: session.filesRead)
                snapshots?.save(after: cell, record: record, session: session)
            }
        }
        notes += snapshots?.notes ?? []
        report.cacheSize = cache?.size()
        // Errors shown inside the chapter give positions in the chapter as written, after
        // earlier cells' outputs changed size, so that a second run reproduces them
        // exactly; they render once to lay the chapter out, then with final positions.
        // Errors and notes for stderr come positioned both ways; the job picks one.
        func renderFailures(in written: Chapter) {
            report.diagnostics = notes.map { $0.message.diagnostic(cell: $0.cell, in: chapter) }
            report.diagnosticsAsWritten = notes.map { $0.message.diagnostic(cell: $0.cell, in: written) }
            for failure in failures {
                let rendered = render(failure, hash: hashes[failure.cell.number - 1], in: written, read: chapter)
                report.updates[failure.cell.number] = rendered.update
                if let diagnostic = rendered.read { report.diagnostics.append(diagnostic) }
                if let diagnostic = rendered.written { report.diagnosticsAsWritten.append(diagnostic) }
            }
        }
        if let last = hashes.last {
            report.closing = .write(ChapterMarker(cells: hashes.count, hash: last, status: stopped && lastAttempted < hashes.count ? .notRun : .ok,
                                                  budget: budget, params: params))
        } else {
            report.closing = .remove
        }
        renderFailures(in: chapter)
        if !failures.isEmpty || !notes.isEmpty,
           let laidOut = try? Chapter.parse(chapter.spliced(report.updates, closing: report.closing), path: chapter.path),
           laidOut.cells.count == chapter.cells.count {
            renderFailures(in: laidOut)
        }
        report.assets = session.assets
        return report
    }

    /// A failed cell's output block, and its error for stderr positioned in the chapter
    /// as read and as written (none for an error the cell expected).
    private func render(_ failure: Failure, hash: String, in written: Chapter,
                        read: Chapter) -> (update: CellUpdate, read: Diagnostic?, written: Diagnostic?) {
        let shown = DiagnosticLocator(chapter: written, displayPath: written.displayName)
        let number = failure.cell.number
        guard let error = failure.error else {
            // An `expect-error` cell that ran cleanly.
            func missing(in chapter: Chapter, named name: String) -> Diagnostic {
                let fence = chapter.cells[number - 1].fenceLine
                return Diagnostic(RunnerError.expectedErrorMissing, at: SourceLocation(file: name, line: fence, column: 1),
                                  sourceLine: chapter.line(fence))
            }
            let marker = OutputMarker(cell: number, hash: hash, status: .error, budget: options.library.budget?.name, params: failure.params)
            let inChapter = missing(in: written, named: written.displayName)
            return (.output(marker, failure.items + [.text(DiagnosticPrinter.render(inChapter))]),
                    missing(in: read, named: read.path), missing(in: written, named: read.path))
        }
        let text = failure.printed + DiagnosticPrinter.render(shown.diagnostic(for: error, runningCell: number))
        let status: OutputMarker.Status = error.message.isInterrupt ? .interrupted : failure.expected ? .ok : .error
        let marker = OutputMarker(cell: number, hash: hash, status: status, budget: options.library.budget?.name, params: failure.params)
        let update = CellUpdate.output(marker, failure.items + [.text(text)])
        guard !failure.expected else { return (update, nil, nil) }
        return (update, DiagnosticLocator(chapter: read, displayPath: read.path).diagnostic(for: error, runningCell: number),
                DiagnosticLocator(chapter: written, displayPath: read.path).diagnostic(for: error, runningCell: number))
    }
}

extension Chapter {
    /// The chapter's file name, used inside its own output blocks so that they do not
    /// change with the directory litrun was started from.
    public var displayName: String {
        URL(fileURLWithPath: path).lastPathComponent
    }

    /// The folder beside the chapter that holds its figures: `batchnorm.assets` for
    /// `batchnorm.md`.
    public var assetFolder: String { ChapterAsset.folder(forChapterNamed: displayName) }
}

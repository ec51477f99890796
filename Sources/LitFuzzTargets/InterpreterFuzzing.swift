import Lit
import LitDiagnostics
import LitDocument

/// Source text run as the one cell of a chapter, with the whole library, through the
/// runner that `litrun` uses: its large stack, its `--timeout`, its error rendering and
/// the chapter it writes back (outputs and closing marker).
enum InterpreterFuzzing {
    /// Seconds a cell may run: endless loops end quickly, and a fuzz input that takes much
    /// longer than this (libFuzzer's own limit is 10 s) is a hang litrun does not catch.
    static let timeoutSeconds = 1.0

    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        guard let chapter = try CellChapter.make(bytes) else { return }
        let options = RunOptions(seed: 0, timeout: timeoutSeconds, bindsCPUs: false)
        let report = ChapterRunner(options: options).run(chapter)
        for diagnostic in report.diagnostics {
            if let location = diagnostic.location, location.line < 1 || location.column < 1 {
                throw FuzzFailure("an error is placed at \(location.line):\(location.column)")
            }
            _ = DiagnosticPrinter.render(diagnostic)
        }
        let written = chapter.spliced(report.updates, closing: report.closing)
        let reread: Chapter
        do {
            reread = try Chapter.parse(written, path: CellChapter.path)
        } catch {
            throw FuzzFailure("the chapter written after the run does not read back: \(DiagnosticPrinter.render(error))")
        }
        guard reread.cells.map(\.code) == chapter.cells.map(\.code) else {
            throw FuzzFailure("the cell's output changed its code")
        }
        if case .output? = report.updates[1], reread.cells[0].output == nil {
            throw FuzzFailure("the cell's output is not attached to it")
        }
    }
}

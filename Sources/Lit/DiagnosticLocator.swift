import LitDiagnostics
import LitDocument
import LitLanguage

/// Turns a language error (a byte offset in some cell's code) into a chapter diagnostic.
package struct DiagnosticLocator {
    package let chapter: Chapter
    /// The file name shown in diagnostics.
    package let displayPath: String

    package static let maximumTraceNotes = 8

    package func diagnostic(for error: LanguageError, runningCell: Int) -> Diagnostic {
        let cellNumber = error.cell ?? runningCell
        var notes: [Diagnostic.Note] = []
        var trace = error.trace
        var skipped = 0
        if trace.count > DiagnosticLocator.maximumTraceNotes {
            skipped = trace.count - DiagnosticLocator.maximumTraceNotes
            trace = Array(trace.prefix(DiagnosticLocator.maximumTraceNotes / 2))
                + Array(error.trace.suffix(DiagnosticLocator.maximumTraceNotes / 2))
        }
        for (index, entry) in trace.enumerated() {
            if skipped > 0 && index == DiagnosticLocator.maximumTraceNotes / 2 {
                notes.append(.init(location: nil, text: "... \(skipped) more calls ..."))
            }
            notes.append(.init(location: location(cell: entry.cell, offset: entry.offset),
                               text: "in call to '\(entry.function)' here"))
        }
        let at = location(cell: cellNumber, offset: error.offset)
        return Diagnostic(error.message, at: at, notes: notes, sourceLine: at.map { chapter.line($0.line) })
    }

    /// The chapter position of a byte offset in a cell's code; nil for the built-in prelude.
    package func location(cell number: Int, offset: Int) -> SourceLocation? {
        guard number >= 1 && number <= chapter.cells.count else { return nil }
        let cell = chapter.cells[number - 1]
        let code = Array(cell.code.utf8)
        let clamped = max(0, min(offset, code.count))
        var line = 0
        var lineStart = 0
        for index in 0..<clamped where code[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let columnOffset = line < cell.codeColumnOffsets.count ? cell.codeColumnOffsets[line] : 0
        return SourceLocation(file: displayPath, line: cell.firstCodeLine + line, column: columnOffset + clamped - lineStart + 1)
    }
}

import Foundation
import LitLibrary

/// Source text through the lexer, parser and resolver, as before a cell runs; nothing runs.
enum ParserFuzzing {
    /// Checking reads the library's names and declares nothing, so one interpreter serves
    /// every input; but it records the cell's declarations, so inputs that the test suite
    /// checks in parallel take turns.
    nonisolated(unsafe) private static let session = ChapterSession(seed: 0)
    private static let lock = NSLock()

    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        guard let chapter = try CellChapter.make(bytes) else { return }
        let code = chapter.cells[0].code
        lock.lock()
        defer { lock.unlock() }
        do {
            try session.interpreter.check(code, cell: 1)
        } catch {
            guard error.offset >= 0, error.offset <= code.utf8.count else {
                throw FuzzFailure("a syntax error at offset \(error.offset) lies outside the cell's \(code.utf8.count) bytes")
            }
        }
    }
}

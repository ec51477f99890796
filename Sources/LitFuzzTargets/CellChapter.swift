import LitDiagnostics
import LitDocument

/// A cell's source as the one cell of a chapter. Reading it back through the chapter
/// reader gives the code exactly as litrun hands it to the language: valid UTF-8 without
/// NUL bytes (anything else is refused, as litrun refuses such a file), lines ended by "\n".
enum CellChapter {
    static let path = "fuzz.md"

    /// The chapter, or nil when litrun would refuse the bytes as a chapter.
    static func make(_ source: [UInt8]) throws(FuzzFailure) -> Chapter? {
        // A fence longer than any backtick run in the source cannot be closed by it.
        let fence = [UInt8](repeating: UInt8(ascii: "`"), count: max(3, longestBacktickRun(source) + 1))
        // The closing fence needs a line of its own; a "\n" after a final "\r" would join it.
        let endsLine = source.last == 10 || source.last == 13
        let bytes = fence + Array("swift\n".utf8) + source + (endsLine ? [] : [10]) + fence + [10]
        let chapter: Chapter
        do {
            chapter = try Chapter.parse(bytes, path: path)
        } catch {
            if case .notMarkdown? = error.message as? DocumentError { return nil }
            throw FuzzFailure("a fenced cell is not a chapter: \(DiagnosticPrinter.render(error))")
        }
        guard chapter.cells.count == 1 else {
            throw FuzzFailure("a fenced cell reads as \(chapter.cells.count) cells")
        }
        let expected = normalisedLineEndings(source) + (endsLine ? [] : [10])
        guard Array(chapter.cells[0].code.utf8) == expected else {
            throw FuzzFailure("the cell's code is not its source: \(chapter.cells[0].code.debugDescription)")
        }
        return chapter
    }

    private static func longestBacktickRun(_ bytes: [UInt8]) -> Int {
        var longest = 0, run = 0
        for byte in bytes {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    /// "\r\n" and a lone "\r" end a line in Markdown; a cell's code has "\n" for both.
    private static func normalisedLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var previousWasCR = false
        for byte in bytes {
            if byte == 13 {
                result.append(10)
            } else if !(byte == 10 && previousWasCR) {
                result.append(byte)
            }
            previousWasCR = byte == 13
        }
        return result
    }
}

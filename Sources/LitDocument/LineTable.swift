/// Where each line of a chapter starts and ends, with CommonMark's line endings (LF, CRLF, CR),
/// so that cmark's line numbers map back to byte offsets.
package struct LineTable: Sendable, Equatable {
    /// Byte offset of each line's first byte.
    package private(set) var starts: [Int] = []
    /// Byte offset just past each line's content, before its terminator.
    package private(set) var contentEnds: [Int] = []
    /// Byte offset just past each line's terminator (equal to `contentEnds` for an unterminated last line).
    package private(set) var ends: [Int] = []
    /// The first terminator found, which decides the chapter's line ending.
    package private(set) var firstTerminator: [UInt8]?

    package init(_ bytes: [UInt8]) {
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == lf || byte == cr else {
                index += 1
                continue
            }
            var end = index + 1
            if byte == cr, end < bytes.count, bytes[end] == lf { end += 1 }
            if firstTerminator == nil { firstTerminator = Array(bytes[index..<end]) }
            starts.append(start)
            contentEnds.append(index)
            ends.append(end)
            start = end
            index = end
        }
        if start < bytes.count {
            starts.append(start)
            contentEnds.append(bytes.count)
            ends.append(bytes.count)
        }
    }

    /// The number of lines; a final terminator does not start another line.
    package var count: Int { starts.count }

    package func contains(_ line: Int) -> Bool { line >= 1 && line <= count }

    /// The bytes of a 1-based line without its terminator; empty for a line that does not exist.
    package func content(_ line: Int) -> Range<Int> {
        guard contains(line) else { return 0..<0 }
        return starts[line - 1]..<contentEnds[line - 1]
    }

    /// The 1-based line that holds the byte at `offset` (the last line for an offset past the end).
    package func line(containing offset: Int) -> Int {
        var low = 0, high = count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The offset of the first byte of a 1-based line; past the end for a line that does not exist.
    package func start(_ line: Int) -> Int {
        guard contains(line) else { return line < 1 ? 0 : (ends.last ?? 0) }
        return starts[line - 1]
    }

    /// The offset just past a line's content; the document's end for a line that does not exist.
    package func contentEnd(_ line: Int) -> Int {
        guard contains(line) else { return line < 1 ? 0 : (ends.last ?? 0) }
        return contentEnds[line - 1]
    }
}

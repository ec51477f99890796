#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LitDiagnostics

/// The POSIX call, named apart from `Chapter.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// A Markdown chapter: its exact bytes, its `swift` cells and the output blocks below them.
public struct Chapter: Sendable, Equatable {
    /// The path used in diagnostics.
    public let path: String
    /// The chapter exactly as read; splicing preserves every byte outside output blocks.
    public let bytes: [UInt8]
    /// The cells in document order, numbered from 1.
    public let cells: [Cell]
    /// Output blocks that sit below no cell; splicing removes them by default.
    public let orphanOutputs: [OutputBlock]
    /// The closing markers below the last cell (normally one), in document order.
    public let closingMarkers: [ChapterMarker.Placed]
    /// "\r\n" when the first cell's fence line (or, if it has no terminator, the chapter's
    /// first line) ends with CRLF, otherwise "\n"; used for inserted lines.
    public let lineEnding: String

    package let lines: LineTable
    /// The closing fence to write before an output block, by number of a cell whose fence is never closed.
    package let missingClosingFences: [Int: String]

    package init(
        path: String, bytes: [UInt8], cells: [Cell], orphanOutputs: [OutputBlock], closingMarkers: [ChapterMarker.Placed],
        lines: LineTable, missingClosingFences: [Int: String]
    ) {
        self.path = path
        self.bytes = bytes
        self.cells = cells
        self.orphanOutputs = orphanOutputs
        self.closingMarkers = closingMarkers
        self.lines = lines
        // Splicing keeps the first cell's fence line and its terminator, so the chapter it
        // writes reads back with the same line ending and a second splice changes nothing.
        var terminator = lines.firstTerminator
        if let fence = cells.first?.fenceLine, lines.contains(fence), lines.contentEnd(fence) < lines.ends[fence - 1] {
            terminator = Array(bytes[lines.contentEnd(fence)..<lines.ends[fence - 1]])
        }
        self.lineEnding = terminator == Array("\r\n".utf8) ? "\r\n" : "\n"
        self.missingClosingFences = missingClosingFences
    }

    /// The text of a 1-based chapter line without its terminator; "" for a line that does not exist.
    public func line(_ number: Int) -> String {
        String(decoding: bytes[lines.content(number)], as: UTF8.self)
    }

    /// Parses a chapter's bytes, or reports why they are not a chapter litrun can run.
    public static func parse(_ bytes: [UInt8], path: String) throws(Diagnostic) -> Chapter {
        try ChapterParser(bytes: bytes, path: path).parse()
    }

    /// Reads and parses the chapter at `path`.
    public static func read(path: String) throws(Diagnostic) -> Chapter {
        try parse(readBytes(path: path), path: path)
    }

    /// The whole file, read with POSIX calls so that the reason for a failure is errno's.
    package static func readBytes(path: String) throws(Diagnostic) -> [UInt8] {
        func failure(_ reason: String) -> Diagnostic {
            Diagnostic(DocumentError.unreadableFile(path: path, reason: reason), at: nil)
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}

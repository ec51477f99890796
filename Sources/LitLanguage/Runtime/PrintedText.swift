/// What a cell prints, kept to a size a chapter can hold: a cell that prints in a long
/// loop keeps its first lines and says how many more it printed, as notebooks do.
package struct PrintedText {
    package static let maximumLines = 2000
    package static let maximumBytes = 512 * 1024

    private var kept = ""
    private var keptLines = 0
    private var droppedLines = 0
    /// The last dropped text did not end a line.
    private var droppedPartialLine = false

    package init() {}
    private var isFull = false

    package var text: String {
        let dropped = droppedLines + (droppedPartialLine ? 1 : 0)
        guard dropped > 0 else { return kept }
        return kept + "... \(dropped) more line\(dropped == 1 ? "" : "s") not shown\n"
    }

    package mutating func append(_ piece: String) {
        guard !isFull else { return drop(Substring(piece)) }
        kept += piece
        keptLines += Self.newlines(in: Substring(piece))
        guard keptLines > Self.maximumLines || kept.utf8.count > Self.maximumBytes else { return }
        // Cut after the last whole line that fits both limits.
        var lines = 0
        var cut = kept.startIndex
        for index in kept.indices where kept[index] == "\n" {
            let next = kept.index(after: index)
            guard lines < Self.maximumLines, kept.utf8.distance(from: kept.startIndex, to: next) <= Self.maximumBytes else { break }
            lines += 1
            cut = next
        }
        let rest = kept[cut...]
        isFull = true
        drop(rest)
        kept = String(kept[..<cut])
        keptLines = lines
    }

    private mutating func drop(_ text: Substring) {
        guard !text.isEmpty else { return }
        droppedLines += Self.newlines(in: text)
        droppedPartialLine = text.last != "\n"
    }

    private static func newlines(in text: Substring) -> Int {
        text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}

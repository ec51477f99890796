/// Whether an output block already in the chapter says what a new one would, apart from
/// wall-clock figures: then a re-run keeps the old text and the chapter gets no diff.
///
/// Only table cells that the new output marks as timings may differ (a training table's
/// `seconds` and `images/s`); every other byte of the block, markers included, must match.
package enum WallClockComparison {
    /// `old` is the block in the chapter; `new` is what `OutputBlockRenderer.layout` gives
    /// for the new output, written below a cell whose lines start with `prefix`.
    package static func differsOnlyInWallClock(_ old: OutputBlock, _ new: [OutputBlockRenderer.Line],
                                               prefix: String) -> Bool {
        guard new.count >= 2, new.first?.text == old.marker.text else { return false }
        let oldLines = old.body.split(separator: "\n", omittingEmptySubsequences: false)
        let newLines = new.dropFirst().dropLast()
        guard oldLines.count == newLines.count else { return false }
        let blankPrefix = ContainerPrefix.blank(prefix)
        for (oldLine, newLine) in zip(oldLines, newLines) {
            if newLine.text.isEmpty {
                guard oldLine == blankPrefix else { return false }
                continue
            }
            guard oldLine.hasPrefix(prefix) else { return false }
            let oldText = oldLine.dropFirst(prefix.count)
            if oldText == newLine.text { continue }
            guard !newLine.wallClock.isEmpty else { return false }
            let oldCells = cells(oldText), newCells = cells(Substring(newLine.text))
            guard oldCells.count == newCells.count else { return false }
            for (column, (a, b)) in zip(oldCells, newCells).enumerated() where a != b {
                // Cell 0 is the text before the row's opening pipe.
                guard newLine.wallClock.contains(column - 1) else { return false }
            }
        }
        return true
    }

    /// A table row split at its unescaped pipes: "| a | b\|c |" gives "", " a ", " b\|c ", "".
    private static func cells(_ row: Substring) -> [Substring] {
        var cells: [Substring] = []
        var start = row.startIndex, escaped = false
        for index in row.indices {
            let character = row[index]
            if character == "|" && !escaped {
                cells.append(row[start..<index])
                start = row.index(after: index)
            }
            escaped = character == "\\" && !escaped
        }
        cells.append(row[start...])
        return cells
    }
}

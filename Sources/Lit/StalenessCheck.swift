import LitDiagnostics
import LitDocument

/// `--check`: compares each output block's recorded hash with the cells as they are now.
package enum StalenessCheck {
    package static func staleCells(in chapter: Chapter) -> [Diagnostic] {
        let hashes = CellHash.chain(chapter.cells)
        var findings: [Diagnostic] = []
        var firstChange: Int?
        for cell in chapter.cells where !cell.flags.contains(.norun) {
            guard let block = cell.output else { continue }
            let location = SourceLocation(file: chapter.path, line: cell.fenceLine, column: 1)
            let reason: String
            if block.marker.hash != hashes[cell.number - 1] {
                if firstChange == nil { firstChange = cell.number }
                reason = firstChange == cell.number && block.marker.cell == cell.number
                    ? "its code or a cell before it changed since the last run"
                    : "a cell before it changed since the last run"
            } else if block.marker.status == .error {
                reason = "it failed in the last run"
            } else if block.marker.status == .notRun {
                reason = "it did not run in the last run"
            } else if block.marker.status == .interrupted {
                reason = "it was interrupted in the last run"
            } else if let budget = block.marker.budget {
                reason = "its output comes from a '\(budget)' budget run"
            } else {
                continue
            }
            findings.append(Diagnostic(.runtime("cell \(cell.number) is stale: \(reason)"), at: location))
        }
        findings += unrecordedCells(in: chapter, hashes: hashes, earlierChange: firstChange != nil)
        for orphan in chapter.orphanOutputs {
            let location = SourceLocation(file: chapter.path, line: orphan.line, column: 1)
            findings.append(Diagnostic(.runtime("output block for cell \(orphan.marker.cell) has no cell above it"), at: location))
        }
        return findings
    }

    /// Cells below the last output block are vouched for only by the closing marker: a
    /// new cell, an edited one, or one that printed nothing would otherwise pass unseen.
    private static func unrecordedCells(in chapter: Chapter, hashes: [String], earlierChange: Bool) -> [Diagnostic] {
        let closing = chapter.closingMarkers.last
        let lastBlock = chapter.cells.last(where: { $0.output != nil })?.number ?? 0
        let trailing = chapter.cells.filter { $0.number > lastBlock && !$0.flags.contains(.norun) }
        func finding(_ message: String, line: Int) -> Diagnostic {
            Diagnostic(.runtime(message), at: SourceLocation(file: chapter.path, line: line, column: 1))
        }
        guard let closing else {
            return trailing.map {
                finding("cell \($0.number) is stale: no run of it is recorded (the chapter has no closing "
                        + "'litrun:chapter' marker)", line: $0.fenceLine)
            }
        }
        let marker = closing.marker
        if marker.hash != (hashes.last ?? "") || marker.cells != hashes.count {
            // The hash is chained: when it still matches the cell that was last, every cell
            // up to it is unchanged and only the cells after it are new.
            let unchanged = marker.cells >= 1 && marker.cells <= hashes.count && hashes[marker.cells - 1] == marker.hash
                ? marker.cells : 0
            let findings = trailing.filter { $0.number > unchanged }.map { cell in
                let reason = earlierChange ? "a cell before it changed since the last run"
                    : unchanged > 0 ? "it is new since the last run"
                    : "its code or a cell before it changed since the last run"
                return finding("cell \(cell.number) is stale: \(reason)", line: cell.fenceLine)
            }
            if !findings.isEmpty || earlierChange { return findings }
            return [finding("the chapter's cells changed since the last run (\(marker.cells) then, \(hashes.count) now)",
                            line: closing.line)]
        }
        if marker.status == .notRun {
            return trailing.map { finding("cell \($0.number) is stale: it did not run in the last run", line: $0.fenceLine) }
        }
        if let budget = marker.budget, !chapter.cells.contains(where: { $0.output?.marker.budget != nil }) {
            return [finding("the chapter's last run was a '\(budget)' budget run", line: closing.line)]
        }
        return []
    }
}

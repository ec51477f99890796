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
            let reason: StaleReason
            if block.marker.hash != hashes[cell.number - 1] {
                if firstChange == nil { firstChange = cell.number }
                reason = firstChange == cell.number && block.marker.cell == cell.number ? .changed : .earlierCellChanged
            } else if block.marker.status == .error {
                reason = .failed
            } else if block.marker.status == .notRun {
                reason = .notRun
            } else if block.marker.status == .interrupted {
                reason = .interrupted
            } else if let budget = block.marker.budget {
                reason = .budgetRun(budget)
            } else if let params = block.marker.params {
                reason = .parametrizedRun(params)
            } else {
                continue
            }
            findings.append(Diagnostic(RunnerError.staleCell(cell.number, because: reason), at: location))
        }
        findings += unrecordedCells(in: chapter, hashes: hashes, earlierChange: firstChange != nil)
        for orphan in chapter.orphanOutputs {
            let location = SourceLocation(file: chapter.path, line: orphan.line, column: 1)
            findings.append(Diagnostic(RunnerError.orphanOutput(cell: orphan.marker.cell), at: location))
        }
        return findings
    }

    /// Cells below the last output block are vouched for only by the closing marker: a
    /// new cell, an edited one, or one that printed nothing would otherwise pass unseen.
    private static func unrecordedCells(in chapter: Chapter, hashes: [String], earlierChange: Bool) -> [Diagnostic] {
        let closing = chapter.closingMarkers.last
        let lastBlock = chapter.cells.last(where: { $0.output != nil })?.number ?? 0
        let trailing = chapter.cells.filter { $0.number > lastBlock && !$0.flags.contains(.norun) }
        func finding(_ message: RunnerError, line: Int) -> Diagnostic {
            Diagnostic(message, at: SourceLocation(file: chapter.path, line: line, column: 1))
        }
        guard let closing else {
            return trailing.map { finding(.staleCell($0.number, because: .noRecordedRun), line: $0.fenceLine) }
        }
        let marker = closing.marker
        if marker.hash != (hashes.last ?? "") || marker.cells != hashes.count {
            // The hash is chained: when it still matches the cell that was last, every cell
            // up to it is unchanged and only the cells after it are new.
            let unchanged = marker.cells >= 1 && marker.cells <= hashes.count && hashes[marker.cells - 1] == marker.hash
                ? marker.cells : 0
            let findings = trailing.filter { $0.number > unchanged }.map { cell in
                let reason: StaleReason = earlierChange ? .earlierCellChanged : unchanged > 0 ? .new : .changed
                return finding(.staleCell(cell.number, because: reason), line: cell.fenceLine)
            }
            if !findings.isEmpty || earlierChange { return findings }
            return [finding(.cellCountChanged(then: marker.cells, now: hashes.count), line: closing.line)]
        }
        if marker.status == .notRun {
            return trailing.map { finding(.staleCell($0.number, because: .notRun), line: $0.fenceLine) }
        }
        if let budget = marker.budget, !chapter.cells.contains(where: { $0.output?.marker.budget != nil }) {
            return [finding(.budgetRun(budget), line: closing.line)]
        }
        if let params = marker.params, !chapter.cells.contains(where: { $0.output?.marker.params != nil }) {
            return [finding(.parametrizedRun(params), line: closing.line)]
        }
        return []
    }
}

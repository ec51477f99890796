/// `--check`: compares each output block's recorded hash with the cells as they are now.
enum StalenessCheck {
    static func staleCells(in chapter: Chapter) -> [Diagnostic] {
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
            } else if let budget = block.marker.budget {
                reason = "its output comes from a '\(budget)' budget run"
            } else {
                continue
            }
            findings.append(Diagnostic(.runtime("cell \(cell.number) is stale: \(reason)"), at: location))
        }
        for orphan in chapter.orphanOutputs {
            let location = SourceLocation(file: chapter.path, line: orphan.line, column: 1)
            findings.append(Diagnostic(.runtime("output block for cell \(orphan.marker.cell) has no cell above it"), at: location))
        }
        return findings
    }
}

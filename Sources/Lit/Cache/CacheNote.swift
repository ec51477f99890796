import LitDiagnostics
import LitDocument

/// What the runner says about the cache: why it did not resume, or why it kept no
/// snapshot after a cell. Notes never fail a run.
enum CacheNote: ErrorMessage, Equatable {
    case snapshotRefused(cell: Int, reason: String)
    case otherBudgetsOnly([String], current: String)
    case notSaved(cells: String, reason: String)
    case cacheUnwritable(String)
    case graphNotKept(cell: Int)
    /// A file the cells read before the snapshot changed since.
    case fileChanged(String)

    var description: String {
        switch self {
        case .snapshotRefused(let cell, let reason):
            "the snapshot after cell \(cell) cannot be used: \(reason); running from the start"
        case .otherBudgetsOnly(let budgets, let current):
            "the cache holds snapshots of these cells for the \(budgets.map { "'\($0)'" }.joined(separator: " and ")) "
                + "budget only, not '\(current)'; running from the start"
        case .notSaved(let cells, let reason):
            "no snapshot kept after \(cells), so a later run cannot resume there: \(reason)"
        case .graphNotKept(let cell):
            "cell \(cell) back-propagates through a gradient graph built before the snapshot it resumed from, "
                + "and snapshots keep no graphs; running from the start"
        case .fileChanged(let path): "'\(path)', which the cells read, changed since"
        case .cacheUnwritable(let reason):
            "cannot write the snapshot cache (\(reason)); this run keeps no snapshots"
        }
    }
}

extension CacheNote {
    /// A note and the cell it is about, if any, until the chapter's positions are known.
    typealias Placed = (message: CacheNote, cell: Int?)

    /// The note at a cell's fence line in the chapter as read, or at the chapter's top.
    func diagnostic(cell: Int?, in chapter: Chapter) -> Diagnostic {
        let line = cell.map { chapter.cells[$0 - 1].fenceLine } ?? 1
        return Diagnostic(self, at: SourceLocation(file: chapter.path, line: line, column: 1), severity: .note)
    }
}

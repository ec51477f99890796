import LitDiagnostics

/// What the runner itself finds wrong with a chapter: a cell that should have failed,
/// and outputs `--check` no longer vouches for.
public enum RunnerError: ErrorMessage, Equatable {
    case expectedErrorMissing
    case staleCell(Int, because: StaleReason)
    /// An output block whose cell was deleted or moved.
    case orphanOutput(cell: Int)
    /// The closing marker counts a different number of cells, and no one cell is to blame.
    case cellCountChanged(then: Int, now: Int)
    /// The chapter's cells are unchanged, but its last run used a budget.
    case budgetRun(String)

    public var description: String {
        switch self {
        case .expectedErrorMissing: "cell is marked 'expect-error' but ran without an error"
        case .staleCell(let cell, let reason): "cell \(cell) is stale: \(reason)"
        case .orphanOutput(let cell): "output block for cell \(cell) has no cell above it"
        case .cellCountChanged(let then, let now):
            "the chapter's cells changed since the last run (\(then) then, \(now) now)"
        case .budgetRun(let budget): "the chapter's last run was a '\(budget)' budget run"
        }
    }
}

/// Why `--check` no longer trusts a cell's recorded output.
public enum StaleReason: Equatable, Sendable, CustomStringConvertible {
    /// The first changed cell: its own code changed, or one before it that has no output.
    case changed
    /// A cell below the first changed one.
    case earlierCellChanged
    case failed
    case notRun
    case interrupted
    case budgetRun(String)
    /// Computed with parameter values other than the chapter's own.
    case parametrizedRun(String)
    /// Below the last output block with no closing marker to vouch for it.
    case noRecordedRun
    case new

    public var description: String {
        switch self {
        case .changed: "its code or a cell before it changed since the last run"
        case .earlierCellChanged: "a cell before it changed since the last run"
        case .failed: "it failed in the last run"
        case .notRun: "it did not run in the last run"
        case .interrupted: "it was interrupted in the last run"
        case .budgetRun(let budget): "its output comes from a '\(budget)' budget run"
        case .parametrizedRun(let params): "its output comes from a run with other parameter values (\(params))"
        case .noRecordedRun: "no run of it is recorded (the chapter has no closing 'litrun:chapter' marker)"
        case .new: "it is new since the last run"
        }
    }
}

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
    /// The chapter's cells are unchanged, but its last run used other parameter values.
    case parametrizedRun(String)
    /// `-p` named something the parameters cell does not declare, or gave a value of the wrong type.
    case unknownParameter(String, known: String)
    case parameterType(String, value: String, type: String, known: String)
    case noParametersCell(String)
    /// The parameters cell holds something other than `let NAME = literal`.
    case notAParameter

    public var description: String {
        switch self {
        case .expectedErrorMissing: "cell is marked 'expect-error' but ran without an error"
        case .staleCell(let cell, let reason): "cell \(cell) is stale: \(reason)"
        case .orphanOutput(let cell): "output block for cell \(cell) has no cell above it"
        case .cellCountChanged(let then, let now):
            "the chapter's cells changed since the last run (\(then) then, \(now) now)"
        case .budgetRun(let budget): "the chapter's last run was a '\(budget)' budget run"
        case .parametrizedRun(let params): "the chapter's last run used other parameter values (\(params))"
        case .unknownParameter(let name, let known): "no parameter '\(name)'; the chapter's parameters are \(known)"
        case .parameterType(let name, let value, let type, let known):
            "parameter '\(name)' is \(type.first.map { "AEIOU".contains($0) } == true ? "an" : "a") \(type), and '\(value)' "
                + "is not one; the chapter's parameters are \(known)"
        case .noParametersCell(let name):
            "-p \(name)=... names a parameter, but the chapter has no 'swift parameters' cell"
        case .notAParameter:
            "a 'swift parameters' cell holds only declarations such as 'let epochs = 5', with literal values"
        }
    }
}

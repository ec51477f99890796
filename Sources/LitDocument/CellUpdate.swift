/// What a run decided for one cell's output block.
public enum CellUpdate: Equatable, Sendable {
    /// Write this block below the cell, replacing any block already there.
    case output(OutputMarker, [OutputItem])
    /// The cell has no output: remove a stale block.
    case noOutput
    /// Leave the cell's block exactly as it is.
    case keep
    /// Keep the old block but rewrite its marker with `status=not-run`, for cells after a failure.
    case markNotRun
}

import LitArchive
import LitLanguage

/// The session's part of a snapshot: the interpreter's state with the library's objects
/// in it.
extension ChapterSession {
    /// Writes everything later cells can reach. Throws `SnapshotError.unsupported` when
    /// some value cannot be saved faithfully; then no snapshot should be kept.
    public func save(into writer: inout SnapshotWriter) throws {
        try InterpreterArchive.save(interpreter, natives: archiver, into: &writer)
    }

    /// Restores what `save` wrote into this fresh session. `skippedCells` are the code of
    /// the cells that ran before the snapshot, by number: their declarations are parsed
    /// again (nothing runs) so that functions and classes can be found.
    public func restore(from reader: inout SnapshotReader, skippedCells: [(number: Int, code: String)]) throws {
        for cell in skippedCells {
            // A cell that does not parse never ran, so it declared nothing.
            try? interpreter.registerDeclarations(of: cell.code, cell: cell.number)
        }
        try InterpreterArchive.restore(interpreter, natives: archiver, from: &reader)
    }

    private var archiver: LibraryArchiver {
        LibraryArchiver(dataDirectory: settings.dataDirectory, missingGraph: missingGraph, nextRandom: nextRandom)
    }

    /// Whether a cell needed a gradient graph that the restored snapshot did not keep:
    /// its result would differ from a run from the start, which the runner then makes.
    public var neededMissingGraph: Bool { missingGraph.isRaised }
}

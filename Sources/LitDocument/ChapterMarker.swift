/// The closing marker a run writes below the chapter's last cell, an HTML comment such as
/// `<!-- litrun:chapter cells=7 hash=5f2a9c1e -->`.
///
/// Output blocks only vouch for the cells above them, so a cell after the last block (new,
/// edited, or one that prints nothing) would escape `--check`. This marker records the
/// number of cells and the chained hash of all of them at the last run. `status=not-run`
/// says the run stopped at a failure before the last cell; `budget` names a budget run.
public struct ChapterMarker: Equatable, Sendable {
    /// How many cells the chapter had when it ran.
    public var cells: Int
    /// `CellHash` of the last cell: a digest of every cell's info string and code.
    public var hash: String
    /// `.ok` or `.notRun`.
    public var status: OutputMarker.Status
    public var budget: String?
    /// Parameter values other than the chapter's own, as in `OutputMarker`.
    public var params: String?

    public init(cells: Int, hash: String, status: OutputMarker.Status = .ok, budget: String? = nil, params: String? = nil) {
        self.cells = cells
        self.hash = hash
        self.status = status
        self.budget = budget
        self.params = params
    }

    /// The marker as it is written in the chapter.
    public var text: String {
        var words = ["litrun:chapter", "cells=\(cells)", "hash=\(hash)"]
        if status != .ok { words.append("status=\(status.rawValue)") }
        if let budget { words.append("budget=\(budget)") }
        if let params { words.append("params=\(params)") }
        return "<!-- " + words.joined(separator: " ") + " -->"
    }

    /// Reads a marker from one line, or returns nil when the line is not one.
    public static func parse(_ line: String) -> ChapterMarker? {
        guard let attributes = OutputMarker.attributes(of: line, kind: "litrun:chapter"),
              let cells = attributes["cells"].flatMap({ Int($0) }), cells >= 0, let hash = attributes["hash"],
              let status = OutputMarker.Status(attribute: attributes["status"]) else { return nil }
        return ChapterMarker(cells: cells, hash: hash, status: status, budget: attributes["budget"], params: attributes["params"])
    }

    /// A marker found in a chapter, with where it sits.
    public struct Placed: Equatable, Sendable {
        public var marker: ChapterMarker
        /// 1-based chapter line of the marker.
        public var line: Int
        /// Bytes from the start of the marker's line to its end, without the terminator.
        package var range: Range<Int>
    }

    /// What a splice does with the chapter's closing marker.
    public enum Update: Equatable, Sendable {
        /// Leave any marker where it is.
        case keep
        /// Remove every old marker and write this one below the last cell.
        case write(ChapterMarker)
        /// Remove every old marker (a chapter without cells has none).
        case remove
    }
}

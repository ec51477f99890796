/// One piece of a cell's output, in the order the cell produced it.
public enum OutputItem: Equatable, Sendable {
    /// Printed text or the value of a last bare expression; consecutive items share one block.
    case text(String)
    /// A table with a header row; short rows are padded with empty cells. The columns in
    /// `wallClock` hold timings (seconds, images/s) that change from run to run, so a
    /// re-run that changes nothing else keeps the old table (see `Chapter.spliced`).
    case table(header: [String], rows: [[String]], wallClock: Set<Int> = [])
    /// An image written beside the chapter; `path` is relative to the chapter.
    case figure(path: String, alt: String)
}

extension [OutputItem] {
    /// The items' text, for a summary: tables and figures are left out.
    public var plainText: String {
        compactMap { if case .text(let text) = $0 { text } else { nil } }.joined()
    }
}

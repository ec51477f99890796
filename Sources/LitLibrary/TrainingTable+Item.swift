import LitDocument
import LitNN
import LitRendering

extension TrainingTable {
    /// The table as a cell's output item.
    public static func item(_ records: [EpochRecord]) -> OutputItem {
        .table(header: header, rows: records.map(row), wallClock: wallClockColumns)
    }
}

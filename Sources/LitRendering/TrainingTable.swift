import LitNN

/// The Markdown table `train` writes below its cell: one row per epoch.
///
/// Loss and accuracies have three decimals, as in the course's reference figures;
/// seconds and images per second are the only wall-clock columns, so a re-run with the
/// same seed changes nothing else.
public enum TrainingTable {
    public static let header = ["epoch", "loss", "train acc", "test acc", "seconds", "images/s"]
    /// The columns that hold timings: `seconds` and `images/s`.
    public static let wallClockColumns: Set<Int> = [4, 5]

    /// One epoch's cells, in the header's order.
    public static func row(_ record: EpochRecord) -> [String] {
        [
            String(record.epoch),
            NumberText.fixed(record.loss, digits: 3),
            NumberText.fixed(record.trainAccuracy, digits: 3),
            NumberText.fixed(record.testAccuracy, digits: 3),
            NumberText.fixed(record.seconds, digits: 1),
            NumberText.grouped(record.imagesPerSecond),
        ]
    }
}

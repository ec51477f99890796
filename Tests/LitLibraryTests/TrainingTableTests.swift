import LitDocument
import LitLibrary
import LitNN
import LitRendering
import Testing

@Suite struct TrainingTableTests {
    @Test func rowsHaveFixedDecimalsAndGroupedImagesPerSecond() {
        let records = [
            EpochRecord(epoch: 1, loss: 0.54912, trainAccuracy: 0.82634, testAccuracy: 0.8519,
                        seconds: 11.84, imagesPerSecond: 6000.4),
            EpochRecord(epoch: 12, loss: 12.3456, trainAccuracy: 1, testAccuracy: 0,
                        seconds: 0.04, imagesPerSecond: 1_234_567.8),
            EpochRecord(epoch: 3, loss: .nan, trainAccuracy: 0.1, testAccuracy: 0.0999,
                        seconds: 3600, imagesPerSecond: .infinity),
        ]
        let expected: OutputItem = .table(
            header: ["epoch", "loss", "train acc", "test acc", "seconds", "images/s"],
            rows: [
                ["1", "0.549", "0.826", "0.852", "11.8", "6,000"],
                ["12", "12.346", "1.000", "0.000", "0.0", "1,234,568"],
                ["3", "nan", "0.100", "0.100", "3600.0", "inf"],
            ],
            wallClock: [4, 5])
        #expect(TrainingTable.item(records) == expected)
    }

    @Test func rendersAsAMarkdownTable() {
        let record = EpochRecord(epoch: 5, loss: 0.303, trainAccuracy: 0.890, testAccuracy: 0.877,
                                 seconds: 9.25, imagesPerSecond: 6480)
        guard case .table(let header, let rows, _) = TrainingTable.item([record]) else {
            Issue.record("not a table")
            return
        }
        #expect(OutputBlockRenderer.table(header: header, rows: rows) == [
            "| epoch | loss | train acc | test acc | seconds | images/s |",
            "| --- | --- | --- | --- | --- | --- |",
            "| 5 | 0.303 | 0.890 | 0.877 | 9.2 | 6,480 |",
        ])
    }

    @Test func noEpochsGiveAHeaderOnly() {
        #expect(TrainingTable.item([]) == .table(header: TrainingTable.header, rows: [], wallClock: [4, 5]))
    }
}

// Placeholders until the report types land; removed then.
final class TrainingProgress {
    let sink: ProgressSink
    init(sink: ProgressSink, epochs: Int, batchesPerEpoch: Int) { self.sink = sink }
    func batchFinished(epoch: Int, batch: Int, loss: Double, images: Int) {}
    func epochFinished(_ record: EpochRecord) { sink.write("epoch \(record.epoch): loss \(record.loss) test acc \(record.testAccuracy)\n") }
}
enum TrainingTable {
    static func item(_ records: [EpochRecord]) -> OutputItem {
        .table(header: ["epoch", "loss"], rows: records.map { ["\($0.epoch)", "\($0.loss)"] })
    }
}
enum TrainingCurve {
    static func svg(_ records: [EpochRecord]) -> String { "<svg xmlns=\"http://www.w3.org/2000/svg\"/>" }
}

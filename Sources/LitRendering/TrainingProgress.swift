import Foundation
import LitNN

/// Reports a training run's progress while it runs; it never writes into the chapter.
///
/// On a terminal one line is redrawn in place, at most every `redrawInterval` seconds,
/// with the epoch, the batch, the epoch's running loss, images per second and the time
/// left for the whole run; each epoch then ends with a summary line. Elsewhere (a log,
/// a pipe) only the summary lines are written, one per epoch.
public final class TrainingProgress {
    public let sink: ProgressSink
    public let epochs: Int
    public let batchesPerEpoch: Int
    public let redrawInterval: Double
    private let clock: () -> Double

    private let startTime: Double
    private var epochStartTime: Double
    private var currentEpoch: Int?
    private var epochImages = 0
    /// Loss times images, so that a short last batch weighs less, as in d2l.
    private var epochLossSum = 0.0
    private var lastRedraw: Double?
    private var lineOnScreen = false

    /// Starts the run's clock. `clock` returns seconds from any fixed origin; tests pass
    /// their own.
    public init(sink: ProgressSink, epochs: Int, batchesPerEpoch: Int, redrawInterval: Double = 0.1,
                clock: @escaping () -> Double = TrainingProgress.monotonicSeconds) {
        self.sink = sink
        self.epochs = epochs
        self.batchesPerEpoch = batchesPerEpoch
        self.redrawInterval = redrawInterval
        self.clock = clock
        startTime = clock()
        epochStartTime = startTime
    }

    /// Seconds since an arbitrary point, unaffected by changes to the wall clock.
    public static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// Records a finished training batch: `batch` counts from 1 within `epoch`, `loss` is
    /// the batch's mean loss and `images` its size.
    public func batchFinished(epoch: Int, batch: Int, loss: Double, images: Int) {
        guard sink.isTerminal else { return }
        if epoch != currentEpoch {
            currentEpoch = epoch
            epochImages = 0
            epochLossSum = 0
        }
        epochImages += images
        epochLossSum += loss * Double(images)
        let now = clock()
        if let lastRedraw, now - lastRedraw < redrawInterval { return }
        lastRedraw = now
        sink.write("\r" + batchLine(epoch: epoch, batch: batch, now: now) + Self.clearToEndOfLine)
        lineOnScreen = true
    }

    /// Writes the epoch's summary line and starts timing the next epoch.
    public func epochFinished(_ record: EpochRecord) {
        writeLine(summaryLine(record))
        currentEpoch = nil
        epochStartTime = clock()
    }

    /// Writes a line of its own, such as a notice that a budget cut the run short.
    public func note(_ text: String) {
        writeLine(text)
    }

    /// Clears a progress line left on the terminal, as when training stops part-way, so
    /// that what is written next starts on a clean line.
    public func finish() {
        guard lineOnScreen else { return }
        sink.write("\r" + Self.clearToEndOfLine)
        lineOnScreen = false
    }

    /// `epoch 2/5  batch 1200/3750  loss 0.412  5,230 img/s  ETA 0:42`
    package func batchLine(epoch: Int, batch: Int, now: Double) -> String {
        let loss = epochImages > 0 ? NumberText.fixed(epochLossSum / Double(epochImages), digits: 3) : "--"
        let epochSeconds = now - epochStartTime
        let speed = epochSeconds > 0 ? NumberText.grouped(Double(epochImages) / epochSeconds) : "--"
        let done = (epoch - 1) * batchesPerEpoch + batch
        let left = max(0, epochs * batchesPerEpoch - done)
        let eta = done > 0 ? NumberText.duration((now - startTime) / Double(done) * Double(left)) : "--:--"
        return "epoch \(epoch)/\(epochs)  batch \(batch)/\(batchesPerEpoch)  loss \(loss)  \(speed) img/s  ETA \(eta)"
    }

    /// `epoch 2/5: loss 0.412, train acc 0.861, test acc 0.858, 11.8 s, 5,230 img/s`
    package func summaryLine(_ record: EpochRecord) -> String {
        "epoch \(record.epoch)/\(epochs): loss \(NumberText.fixed(record.loss, digits: 3)), "
            + "train acc \(NumberText.fixed(record.trainAccuracy, digits: 3)), "
            + "test acc \(NumberText.fixed(record.testAccuracy, digits: 3)), "
            + "\(NumberText.fixed(record.seconds, digits: 1)) s, \(NumberText.grouped(record.imagesPerSecond)) img/s"
    }

    /// A whole line; on a terminal it first wipes the progress line it replaces.
    private func writeLine(_ text: String) {
        sink.write((lineOnScreen ? "\r" + Self.clearToEndOfLine : "") + text + "\n")
        lineOnScreen = false
    }

    /// The ANSI sequence that erases from the cursor to the end of the line.
    package static let clearToEndOfLine = "\u{1B}[K"
}

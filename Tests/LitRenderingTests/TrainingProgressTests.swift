import Foundation
import LitNN
import LitRendering
import Testing

@Suite struct TrainingProgressTests {
    /// Keeps everything written to a sink, each write separately.
    final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        var writes: [String] { lock.withLock { stored } }

        func sink(isTerminal: Bool) -> ProgressSink {
            ProgressSink(isTerminal: isTerminal) { text in self.lock.withLock { self.stored.append(text) } }
        }
    }

    final class FakeClock {
        var now = 0.0
    }

    static let clear = "\u{1B}[K"

    static func record(_ epoch: Int) -> EpochRecord {
        EpochRecord(epoch: epoch, loss: 0.5, trainAccuracy: 0.8, testAccuracy: 0.75, seconds: 5, imagesPerSecond: 3200)
    }

    /// Five epochs of 100 batches of 160 images; epoch 1 finishes a batch every 0.04 s,
    /// then evaluation takes a second, then two batches of epoch 2, a note, one more batch.
    func drive(_ progress: TrainingProgress, _ clock: FakeClock) {
        for batch in 1...100 {
            clock.now = Double(batch) * 0.04
            progress.batchFinished(epoch: 1, batch: batch, loss: 0.5, images: 160)
        }
        clock.now = 5
        progress.epochFinished(Self.record(1))
        clock.now = 5.5
        progress.batchFinished(epoch: 2, batch: 1, loss: 0.25, images: 160)
        clock.now = 5.7
        progress.batchFinished(epoch: 2, batch: 2, loss: 0.75, images: 40)
        clock.now = 5.75
        progress.note("budget quick: 2 of 5 epochs")
        progress.finish()
        clock.now = 5.9
        progress.batchFinished(epoch: 2, batch: 3, loss: 0.5, images: 160)
        progress.finish()
    }

    @Test func terminalRedrawsOneThrottledLineWithTheRunsETA() {
        let capture = Capture()
        let clock = FakeClock()
        let progress = TrainingProgress(sink: capture.sink(isTerminal: true), epochs: 5, batchesPerEpoch: 100,
                                        clock: { clock.now })
        drive(progress, clock)
        let writes = capture.writes
        // Redraws come at least 0.1 s apart: batches 1, 4, 7, ..., 100 of epoch 1.
        let epochOne = writes.prefix { $0.hasPrefix("\repoch 1/5  batch") }
        #expect(epochOne.count == 34)
        #expect(epochOne.allSatisfy { $0.hasSuffix(Self.clear) && !$0.contains("\n") })
        // 160 images in 0.04 s; 0.04 s per batch for the 499 batches left.
        #expect(epochOne.first == "\repoch 1/5  batch 1/100  loss 0.500  4,000 img/s  ETA 0:20" + Self.clear)
        #expect(epochOne[epochOne.startIndex + 1].hasPrefix("\repoch 1/5  batch 4/100  "))
        // 16,000 images in 4 s; 4 s for 100 batches, so 16 s for the 400 left.
        #expect(epochOne.last == "\repoch 1/5  batch 100/100  loss 0.500  4,000 img/s  ETA 0:16" + Self.clear)
        #expect(Array(writes.dropFirst(34)) == [
            "\r" + Self.clear + "epoch 1/5: loss 0.500, train acc 0.800, test acc 0.750, 5.0 s, 3,200 img/s\n",
            // The epoch's clock starts when epoch 1 ended: 160 images in 0.5 s; 5.5 s for 101 batches, 399 left.
            "\repoch 2/5  batch 1/100  loss 0.250  320 img/s  ETA 0:22" + Self.clear,
            // The loss is the epoch's mean per image: (0.25 × 160 + 0.75 × 40) / 200.
            "\repoch 2/5  batch 2/100  loss 0.350  286 img/s  ETA 0:22" + Self.clear,
            "\r" + Self.clear + "budget quick: 2 of 5 epochs\n",
            "\repoch 2/5  batch 3/100  loss 0.417  400 img/s  ETA 0:23" + Self.clear,
            "\r" + Self.clear,
        ])
    }

    @Test func plainOutputIsOneLinePerEpochAndNothingPerBatch() {
        let capture = Capture()
        let clock = FakeClock()
        let progress = TrainingProgress(sink: capture.sink(isTerminal: false), epochs: 5, batchesPerEpoch: 100,
                                        clock: { clock.now })
        drive(progress, clock)
        progress.epochFinished(EpochRecord(epoch: 2, loss: 0.412, trainAccuracy: 0.861, testAccuracy: 0.858,
                                           seconds: 11.8, imagesPerSecond: 5230))
        #expect(capture.writes == [
            "epoch 1/5: loss 0.500, train acc 0.800, test acc 0.750, 5.0 s, 3,200 img/s\n",
            "budget quick: 2 of 5 epochs\n",
            "epoch 2/5: loss 0.412, train acc 0.861, test acc 0.858, 11.8 s, 5,230 img/s\n",
        ])
    }

    @Test func summaryWithoutABatchLineWritesNoEscapes() {
        let capture = Capture()
        let progress = TrainingProgress(sink: capture.sink(isTerminal: true), epochs: 1, batchesPerEpoch: 1,
                                        clock: { 0 })
        progress.epochFinished(Self.record(1))
        progress.finish()
        #expect(capture.writes == ["epoch 1/1: loss 0.500, train acc 0.800, test acc 0.750, 5.0 s, 3,200 img/s\n"])
    }
}

import Foundation
import LitTensor

/// The seed's `train_ch5`: epochs of minibatch training with cross-entropy, then the
/// accuracy on the test set, recorded per epoch.
public struct Trainer {
    /// Told after every batch (epoch, batch number from 1, the batch's mean loss, its images)
    /// and after every epoch; for progress lines.
    public var batchFinished: (_ epoch: Int, _ batch: Int, _ loss: Double, _ images: Int) -> Void = { _, _, _, _ in }
    public var epochFinished: (EpochRecord) -> Void = { _ in }
    /// Called before every batch; throws to stop the run (a cell's time limit).
    public var checkpoint: () throws -> Void = {}

    public init() {}

    public func fit(_ net: Module, training: BatchSource, test: BatchSource, optimizer: Optimizer,
                    epochs: Int) throws -> [EpochRecord] {
        var records: [EpochRecord] = []
        for epoch in stride(from: 1, through: epochs, by: 1) {
            let started = DispatchTime.now().uptimeNanoseconds
            net.train()
            var lossSum = 0.0, correct = 0, images = 0
            for (batch, (X, y)) in training.epochBatches().enumerated() {
                try checkpoint()
                let (loss, right): (Double, Int)
                do {
                    (loss, right) = try Trainer.step(net, images: X, labels: y, optimizer: optimizer)
                } catch TrainingError.nonFiniteLoss(let value, _, _) {
                    throw TrainingError.nonFiniteLoss(value, epoch: epoch, batch: batch + 1)
                }
                // Weighted by images, so that a short last batch counts for what it holds.
                lossSum += loss * Double(y.count)
                correct += right
                images += y.count
                batchFinished(epoch, batch + 1, loss, y.count)
            }
            let trainingSeconds = Trainer.seconds(since: started)
            let testAccuracy = try evaluate(net, on: test)
            let record = EpochRecord(epoch: epoch, loss: lossSum / Double(max(images, 1)),
                                     trainAccuracy: Double(correct) / Double(max(images, 1)), testAccuracy: testAccuracy,
                                     seconds: Trainer.seconds(since: started),
                                     imagesPerSecond: trainingSeconds > 0 ? Double(images) / trainingSeconds : 0)
            records.append(record)
            epochFinished(record)
        }
        return records
    }

    /// One minibatch step: forward, cross-entropy, backward, update. Returns the batch's
    /// mean loss and how many of its images the model got right.
    public static func step(_ net: Module, images: Tensor, labels: Tensor,
                            optimizer: Optimizer) throws -> (loss: Double, correct: Int) {
        let logits = try net(images)
        let loss = try Tensor.crossEntropy(logits, labels)
        // A NaN or infinite loss would only spread through the parameters: stop before
        // the update (`fit` fills in the epoch and batch).
        let value = Double(try loss.item())
        guard value.isFinite else { throw TrainingError.nonFiniteLoss(value, epoch: 0, batch: 0) }
        optimizer.zeroGrad()
        try loss.backward()
        try optimizer.step()
        return (value, try Tensor.correctCount(logits, labels))
    }

    /// The number of images in a batch the model classifies correctly, in evaluation
    /// mode's arithmetic (the caller sets the mode) and without recording gradients.
    public static func correctPredictions(_ net: Module, images: Tensor, labels: Tensor) throws -> Int {
        try GradientMode.withoutGradients { () throws in try Tensor.correctCount(try net(images), labels) }
    }

    /// The fraction of `data`'s images the model classifies correctly, in evaluation mode
    /// and without recording gradients; the model's mode is restored afterwards.
    public func evaluate(_ net: Module, on data: BatchSource) throws -> Double {
        let wasTraining = net.isTraining
        net.eval()
        defer { net.setTraining(wasTraining) }
        var correct = 0, images = 0
        for (X, y) in data.epochBatches() {
            try checkpoint()
            correct += try Trainer.correctPredictions(net, images: X, labels: y)
            images += y.count
        }
        return Double(correct) / Double(max(images, 1))
    }

    private static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

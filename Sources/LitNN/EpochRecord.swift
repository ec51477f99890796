/// What `train` measured in one epoch: the figures behind its table, its curve and its
/// progress lines.
///
/// `seconds` and `imagesPerSecond` are wall-clock figures and change from run to run;
/// everything else is fixed by the seed.
public struct EpochRecord: Equatable, Sendable {
    /// The epoch's 1-based number.
    public var epoch: Int
    /// The mean training loss over the epoch's images.
    public var loss: Double
    /// The fraction of training images classified correctly during the epoch.
    public var trainAccuracy: Double
    /// The fraction of test images classified correctly after the epoch.
    public var testAccuracy: Double
    /// Wall-clock seconds the epoch took.
    public var seconds: Double
    /// Training images processed per wall-clock second.
    public var imagesPerSecond: Double

    public init(epoch: Int, loss: Double, trainAccuracy: Double, testAccuracy: Double,
                seconds: Double, imagesPerSecond: Double) {
        self.epoch = epoch
        self.loss = loss
        self.trainAccuracy = trainAccuracy
        self.testAccuracy = testAccuracy
        self.seconds = seconds
        self.imagesPerSecond = imagesPerSecond
    }
}

/// What `train` records after each epoch.
public struct EpochRecord: Equatable, Sendable {
    public var epoch: Int
    public var loss: Double
    public var trainAccuracy: Double
    public var testAccuracy: Double
    public var seconds: Double
    public var imagesPerSecond: Double

    public init(epoch: Int, loss: Double, trainAccuracy: Double, testAccuracy: Double, seconds: Double, imagesPerSecond: Double) {
        self.epoch = epoch
        self.loss = loss
        self.trainAccuracy = trainAccuracy
        self.testAccuracy = testAccuracy
        self.seconds = seconds
        self.imagesPerSecond = imagesPerSecond
    }
}

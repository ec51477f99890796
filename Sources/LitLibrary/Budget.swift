/// A small budget for a run: a sample of the data and fewer epochs, so that a chapter
/// can be checked in seconds. Outputs computed under a budget are marked as such, and
/// `--check` never takes them for a real run's.
public struct Budget: Equatable, Sendable {
    /// The name written into output markers and accepted by `--budget`.
    public let name: String
    /// How many training images a data set keeps (the first ones of a seeded shuffle).
    public let trainingImages: Int
    /// How many test images a data set keeps.
    public let testImages: Int
    /// The most epochs `train` runs.
    public let epochs: Int

    public init(name: String, trainingImages: Int, testImages: Int, epochs: Int) {
        self.name = name
        self.trainingImages = trainingImages
        self.testImages = testImages
        self.epochs = epochs
    }

    public static let quick = Budget(name: "quick", trainingImages: 1_000, testImages: 500, epochs: 1)

    /// The budgets `--budget` accepts, by name.
    public static let all: [Budget] = [.quick]

    public static func named(_ name: String) -> Budget? {
        all.first { $0.name == name }
    }
}

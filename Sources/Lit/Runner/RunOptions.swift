/// How to run a chapter.
public struct RunOptions: Sendable {
    /// The seed for every random number in the chapter.
    public var seed: UInt64
    /// Seconds one cell may run; nil for no limit.
    public var timeout: Double?

    public static let defaultSeed: UInt64 = 0
    public static let defaultTimeout: Double = 3600

    public init(seed: UInt64 = defaultSeed, timeout: Double? = defaultTimeout) {
        self.seed = seed
        self.timeout = timeout
    }
}

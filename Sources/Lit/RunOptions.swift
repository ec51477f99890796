import LitLibrary
import LitTensor

/// How to run a chapter.
public struct RunOptions: Sendable {
    /// The seed for every random number in the chapter.
    public var seed: UInt64
    /// Seconds one cell may run; nil for no limit.
    public var timeout: Double?
    /// Whether the thread that runs the cells, and its kernel workers, each keep a CPU
    /// of their own (see `bindComputeThread`). Right for a process that runs one chapter
    /// at a time, as the command does; tests that run many chapters at once leave it off.
    public var bindsCPUs: Bool
    /// Data location, budget and progress, for the library's calls.
    public var library: LibrarySettings
    /// Resume from and save snapshots in `.litrun-cache/` beside the chapter; nil runs
    /// every cell and keeps no snapshot, as `--no-cache` does.
    public var cache: CachePolicy?
    /// Values for the chapter's parameters, `-p NAME=VALUE`, in the order given.
    public var parameters: [(name: String, value: String)] = []

    public static let defaultSeed: UInt64 = 0
    /// No limit: a full training run of the course (DenseNet at 96×96 takes well over an
    /// hour on two cores) must be able to finish. `--timeout` sets one.
    public static let defaultTimeout: Double? = nil

    public init(seed: UInt64 = defaultSeed, timeout: Double? = defaultTimeout, bindsCPUs: Bool = false,
                library: LibrarySettings = LibrarySettings(), cache: CachePolicy? = nil) {
        self.seed = seed
        self.timeout = timeout
        self.bindsCPUs = bindsCPUs
        self.library = library
        self.cache = cache
    }
}

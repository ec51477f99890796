import Foundation
import LitData
import LitRendering

/// What library calls in cells read from the run rather than from the chapter: where the
/// data sets live, the budget, and whether training reports progress.
public struct LibrarySettings: Sendable {
    /// Where Debian's `dataset-fashion-mnist` package puts the files.
    public static let standardDataDirectory = "/usr/share/datasets/fashion-mnist"
    /// The environment variable that overrides the data directory.
    public static let dataEnvironmentVariable = "LIT_DATA"

    /// The directory holding the data sets' files.
    public var dataDirectory: String
    /// A small budget, or nil for a full run.
    public var budget: Budget?
    /// Where `train` writes its progress lines (the command passes standard error); nil
    /// for none, as in tests.
    public var progress: ProgressSink?

    /// The files the data sets are read from; a snapshot's key covers their identity.
    public var dataFiles: [String] {
        FashionMNIST.fileNames.map { URL(fileURLWithPath: dataDirectory).appendingPathComponent($0).path }
    }

    public init(dataDirectory: String? = nil, budget: Budget? = nil, progress: ProgressSink? = nil) {
        self.dataDirectory = dataDirectory ?? LibrarySettings.defaultDataDirectory()
        self.budget = budget
        self.progress = progress
    }

    /// `LIT_DATA` when set and not empty, otherwise the Debian package's directory.
    public static func defaultDataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let value = environment[dataEnvironmentVariable], !value.isEmpty { return value }
        return standardDataDirectory
    }
}

import Foundation

/// Whether a run uses the snapshot cache, and how large the cache may grow.
public struct CachePolicy: Sendable, Equatable {
    /// The most bytes the `.litrun-cache` folder may hold; the oldest snapshots go first.
    public var limit: Int

    public static let defaultLimit = 2_000_000_000

    public init(limit: Int = defaultLimit) {
        self.limit = limit
    }

    /// Reads a size as `--cache-limit` takes it: `500MB`, `2GB`, `1.5G`, `800k` or plain
    /// bytes; units are powers of 1000, as disk sizes are quoted. Nil when not a size.
    public static func bytes(from text: String) -> Int? {
        let lowered = text.lowercased().filter { $0 != " " }
        let units: [(suffix: String, factor: Double)] = [("kb", 1e3), ("mb", 1e6), ("gb", 1e9), ("tb", 1e12),
                                                          ("k", 1e3), ("m", 1e6), ("g", 1e9), ("t", 1e12), ("b", 1)]
        let unit = units.first { lowered.hasSuffix($0.suffix) }
        guard let number = Double(lowered.dropLast(unit?.suffix.count ?? 0)), number >= 0, number.isFinite else { return nil }
        let bytes = number * (unit?.factor ?? 1)
        return bytes < 9e18 ? Int(bytes) : nil
    }

    /// `812.4 MB`: a size as the summary line shows it.
    public static func text(bytes: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes), index = 0
        while value >= 1000 && index < units.count - 1 {
            value /= 1000
            index += 1
        }
        return index == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[index]
    }
}

import Foundation
import LitArchive

/// The parts of a snapshot key that are not in the chapter: which litrun wrote it, and
/// which data files it read.
package enum CacheIdentity {
    /// litrun's version and the CRC-32 of its executable, so that any rebuild (a changed
    /// kernel, a changed snapshot layout) makes older snapshots unusable.
    package static let build: String = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let bytes = (try? Data(contentsOf: executable)).map { [UInt8]($0) } ?? Array((Bundle.main.executablePath ?? "").utf8)
        return LitrunVersion.current + "-" + hex(SnapshotFile.checksum(bytes[...]))
    }()

    /// The size and modification time of each of `files`, folded into 8 hex digits; a
    /// missing file counts as such.
    package static func data(files: [String]) -> String {
        let described = files.map { path -> String in
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "\(path) missing" }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path) \(size) \(modified)"
        }
        return hex(SnapshotFile.checksum(Array(described.joined(separator: "\n").utf8)[...]))
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}

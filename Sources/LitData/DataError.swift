import LitDiagnostics

/// Why a data set could not be read. Every message names the file, so that a chapter's
/// error tells the reader which path to look at.
public enum DataError: ErrorMessage, Equatable {
    case missingFile(path: String)
    case unreadableFile(path: String, reason: String)
    case corruptGzip(path: String, reason: String)
    case badMagic(path: String, found: UInt32, expected: UInt32)
    case truncated(path: String, expected: Int, found: Int)
    case extraBytes(path: String, expected: Int, found: Int)
    case inconsistent(path: String, reason: String)
    /// A file of an installable data set is not in the data directory.
    case missingDataSet(name: String, path: String, package: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            "no such file: \(path)"
        case .unreadableFile(let path, let reason):
            "cannot read \(path): \(reason)"
        case .corruptGzip(let path, let reason):
            "\(path) is not a valid gzip file: \(reason)"
        case .badMagic(let path, let found, let expected):
            "\(path) is not an IDX file of the expected kind: magic number \(hex(found)), expected \(hex(expected))"
        case .truncated(let path, let expected, let found):
            "\(path) is truncated: its header promises \(expected) bytes, it holds \(found)"
        case .extraBytes(let path, let expected, let found):
            "\(path) holds \(found) bytes where its header promises \(expected)"
        case .inconsistent(let path, let reason):
            "\(path): \(reason)"
        case .missingDataSet(let name, let path, let package):
            "the \(name) data set is not installed: \(path) is missing; install it with "
                + "'apt-get install \(package)', or point --data or LIT_DATA at a directory that holds its files"
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}

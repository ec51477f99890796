import LitDiagnostics

/// Why a snapshot could not be written or read. Reading never traps: every malformed,
/// truncated or foreign file ends in one of these, and the caller runs from the start.
public enum SnapshotError: ErrorMessage, Equatable {
    /// The bytes end before what they promise.
    case truncated
    /// The file does not start with the snapshot magic bytes.
    case notASnapshot
    /// A snapshot written by another version of the format.
    case versionMismatch(found: UInt32, expected: UInt32)
    /// The snapshot was saved under another cache key.
    case keyMismatch(found: String, expected: String)
    /// The bytes do not add up to the checksum stored with them.
    case checksumMismatch
    /// The bytes are well framed but say something impossible.
    case corrupt(String)
    /// A value the codecs do not know how to save; the caller saves no snapshot for that cell.
    case unsupported(String)

    public var description: String {
        switch self {
        case .truncated: "the snapshot is truncated"
        case .notASnapshot: "the file is not a litrun snapshot"
        case .versionMismatch(let found, let expected): "the snapshot has format version \(found), expected \(expected)"
        case .keyMismatch(let found, let expected): "the snapshot was saved for key '\(found)', expected '\(expected)'"
        case .checksumMismatch: "the snapshot's checksum does not match its contents"
        case .corrupt(let reason): "the snapshot is corrupt: \(reason)"
        case .unsupported(let what): "cannot snapshot \(what)"
        }
    }
}

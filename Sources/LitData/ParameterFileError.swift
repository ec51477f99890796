import LitArchive
import LitDiagnostics

/// Why a parameter file could not be written or read. Each message names the file.
public enum ParameterFileError: ErrorMessage, Equatable {
    case tooLarge(name: String, bytes: Int, limit: Int)
    case notAParameterFile(name: String)
    case truncated(name: String)
    case otherVersion(name: String, found: UInt32, expected: UInt32)
    case corrupt(name: String, reason: String)

    /// The parameter file's reading of a snapshot-format error.
    init(_ error: SnapshotError, name: String) {
        switch error {
        case .truncated: self = .truncated(name: name)
        case .notASnapshot, .keyMismatch: self = .notAParameterFile(name: name)
        case .versionMismatch(let found, let expected): self = .otherVersion(name: name, found: found, expected: expected)
        case .checksumMismatch: self = .corrupt(name: name, reason: "its checksum does not match its contents")
        case .corrupt(let reason): self = .corrupt(name: name, reason: "it holds \(reason)")
        case .unsupported(let what): self = .corrupt(name: name, reason: what)
        }
    }

    public var description: String {
        switch self {
        case .tooLarge(let name, let bytes, let limit):
            "'\(name)' would take \(bytes >> 20) MiB, more than the \(limit >> 20) MiB a parameter file may hold"
        case .notAParameterFile(let name): "'\(name)' is not a parameter file written by save(_:_:)"
        case .truncated(let name): "'\(name)' is truncated: it ends before the values it promises"
        case .otherVersion(let name, let found, let expected):
            "'\(name)' has parameter-file format version \(found), this litrun reads version \(expected); save it again"
        case .corrupt(let name, let reason): "'\(name)' is corrupt: \(reason)"
        }
    }
}

import LitDiagnostics

/// Why a chapter could not be read or written.
public enum DocumentError: ErrorMessage, Equatable {
    case unreadableFile(path: String, reason: String)
    case notMarkdown(path: String, reason: String)
    case unknownCellFlag(String)
    case unterminatedOutputBlock
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read '\(path)': \(reason)"
        case .notMarkdown(let path, let reason): "'\(path)' is not a Markdown chapter: \(reason)"
        case .unknownCellFlag(let flag): "unknown cell flag '\(flag)' (known flags: norun, expect-error, parameters)"
        case .unterminatedOutputBlock: "output block has no '<!-- litrun:end -->' marker"
        case .writeFailed(let path, let reason): "cannot write '\(path)': \(reason)"
        }
    }
}

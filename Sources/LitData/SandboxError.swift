import LitDiagnostics

/// Why a cell may not read a file: cells see their chapter's folder only, read-only.
public enum SandboxError: ErrorMessage, Equatable {
    case emptyPath
    case absolutePath(String)
    case parentDirectory(String)
    case outsideFolder(String)
    case missing(String)
    case notAFile(String)
    case tooLarge(String, limit: Int)
    case unreadable(String)

    public var description: String {
        switch self {
        case .emptyPath: "a file path is empty"
        case .absolutePath(let path):
            "'\(path)' is an absolute path; cells run in a sandbox and read only files in the chapter's folder, "
                + "by a relative path such as \"data/x.csv\""
        case .parentDirectory(let path):
            "'\(path)' goes up with '..'; cells run in a sandbox and read only files in the chapter's folder and below it"
        case .outsideFolder(let path):
            "'\(path)' leads out of the chapter's folder through a symbolic link; cells run in a sandbox and read only "
                + "files in the chapter's folder and below it"
        case .missing(let path): "no file '\(path)' in the chapter's folder"
        case .notAFile(let path): "'\(path)' is not a regular file (a directory, a device or a pipe); cells read regular files only"
        case .tooLarge(let path, let limit): "'\(path)' is larger than the \(limit >> 20) MiB a cell may read"
        case .unreadable(let path): "'\(path)' cannot be read"
        }
    }
}

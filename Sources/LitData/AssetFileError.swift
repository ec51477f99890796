import LitDiagnostics

/// Why a cell may not save or load a file: such files live directly in the chapter's
/// assets folder, by a plain name, and are never reached through a symbolic link.
public enum AssetFileError: ErrorMessage, Equatable {
    case emptyName
    case absolutePath(String)
    case parentDirectory(String)
    case subfolder(String)
    case invalidName(String, reason: String)
    /// A name kept for files litrun names itself (figures, a quick run's files).
    case reservedName(String, reason: String)
    /// The assets folder, by its name.
    case linkedFolder(String)
    case notAFolder(String)
    /// The file, by its path relative to the chapter: `batchnorm.assets/mlp.params`.
    case linkedFile(String)
    case notAFile(String)
    case tooLarge(String, limit: Int)
    case unreadable(String, reason: String)
    /// A file never saved: its name and the assets folder's.
    case missing(String, folder: String)

    public var description: String {
        let plainName = "by a plain name such as \"mlp.params\""
        return switch self {
        case .emptyName: "a file name is empty; saved files live in the chapter's assets folder, \(plainName)"
        case .absolutePath(let name):
            "'\(name)' is an absolute path; cells run in a sandbox and save files only in the chapter's assets folder, \(plainName)"
        case .parentDirectory(let name):
            "'\(name)' goes up with '..'; cells run in a sandbox and save files only in the chapter's assets folder, \(plainName)"
        case .subfolder(let name): "'\(name)' names a subfolder; saved files live directly in the chapter's assets folder, \(plainName)"
        case .invalidName(let name, let reason): "'\(name)' cannot name a saved file: \(reason)"
        case .reservedName(let name, let reason): "'\(name)' cannot name a saved file: \(reason); choose another name"
        case .linkedFolder(let folder):
            "the assets folder '\(folder)' is a symbolic link; saved files are read and written only in a real folder"
        case .notAFolder(let folder): "'\(folder)' is not a folder, so it cannot hold the chapter's saved files"
        case .linkedFile(let path): "'\(path)' is a symbolic link; saved files are never read or written through a link"
        case .notAFile(let path): "'\(path)' is not a regular file (a directory, a device or a pipe)"
        case .tooLarge(let path, let limit): "'\(path)' is larger than the \(limit >> 20) MiB a parameter file may hold"
        case .unreadable(let path, let reason): "'\(path)' cannot be read: \(reason)"
        case .missing(let name, let folder):
            "no file '\(name)' in the chapter's assets folder '\(folder)'; save it there first with save(value, \"\(name)\")"
        }
    }
}

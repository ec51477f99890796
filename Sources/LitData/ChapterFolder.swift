import Foundation

/// The files a chapter may read: those in its own folder and below it, read-only. A path
/// is refused, before anything is opened, when it is empty, absolute or has a `..`; after
/// resolving links, when it leaves the folder, is not a regular file (a directory, a
/// device, a pipe) or is larger than `maximumBytes`.
public struct ChapterFolder: Sendable {
    /// The folder, with its own links resolved.
    public let root: URL
    public static let maximumBytes = 64 << 20

    public init(_ folder: URL) {
        root = folder.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The bytes of `path`, relative to the folder.
    public func read(_ path: String) throws(SandboxError) -> [UInt8] {
        let url = try resolve(path)
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw .unreadable(path) }
        defer { try? handle.close() }
        // Read one byte past the limit, so that a file that grew since it was checked is
        // still refused.
        let data = (try? handle.read(upToCount: ChapterFolder.maximumBytes + 1)) ?? nil
        guard let data else { return [] }
        guard data.count <= ChapterFolder.maximumBytes else { throw .tooLarge(path, limit: ChapterFolder.maximumBytes) }
        return [UInt8](data)
    }

    /// The size and modification time of a file already read, so that a snapshot taken
    /// after reading it can tell whether it changed since.
    public func identity(of path: String) -> String? {
        guard let url = try? resolve(path), let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey]) else {
            return nil
        }
        return "\(values.fileSize ?? -1) \(values.contentModificationDate?.timeIntervalSince1970 ?? 0)"
    }

    private func resolve(_ path: String) throws(SandboxError) -> URL {
        guard !path.isEmpty else { throw .emptyPath }
        guard !path.hasPrefix("/") && !path.hasPrefix("~") else { throw .absolutePath(path) }
        guard !path.split(separator: "/").contains("..") else { throw .parentDirectory(path) }
        let url = root.appendingPathComponent(path).resolvingSymlinksInPath()
        guard url.path.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/") else { throw .outsideFolder(path) }
        var status = stat()
        guard stat(url.path, &status) == 0 else { throw .missing(path) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path) }
        guard Int(status.st_size) <= ChapterFolder.maximumBytes else { throw .tooLarge(path, limit: ChapterFolder.maximumBytes) }
        return url
    }
}

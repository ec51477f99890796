import Foundation

/// The POSIX call, named apart from `AssetFolder.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// The chapter's assets folder (`batchnorm.assets`) as the files cells save see it: a
/// file is named by a plain name directly in the folder, and nothing is reached through
/// a symbolic link, neither the folder nor the file, even one that stays in the chapter's
/// folder, since writing through it would replace the file it points to.
///
/// Cells never write here themselves: the runner writes what they saved with the
/// figures once the run is over. This type reads, and checks before a save that the
/// write will be allowed.
public struct AssetFolder: Sendable {
    /// The chapter's folder.
    public let chapterFolder: URL
    /// The assets folder's name in it: `batchnorm.assets`.
    public let name: String
    /// The longest file name, in UTF-8 bytes, well inside every file system's limit.
    public static let maximumNameBytes = 200

    public init(chapterFolder: URL, name: String) {
        self.chapterFolder = chapterFolder
        self.name = name
    }

    /// `fileName`'s path relative to the chapter's folder: `batchnorm.assets/mlp.params`.
    public func relativePath(of fileName: String) -> String { "\(name)/\(fileName)" }

    private var folderPath: String { chapterFolder.appendingPathComponent(name).path }

    /// Refuses a name that is not a plain file name: empty, absolute, going up, into a
    /// subfolder, hidden, too long or holding control characters.
    public static func checkName(_ fileName: String) throws(AssetFileError) {
        guard !fileName.isEmpty else { throw .emptyName }
        guard !fileName.hasPrefix("/") && !fileName.hasPrefix("~") else { throw .absolutePath(fileName) }
        guard !fileName.split(separator: "/", omittingEmptySubsequences: false).contains("..") else { throw .parentDirectory(fileName) }
        guard !fileName.contains("/") else { throw .subfolder(fileName) }
        guard !fileName.hasPrefix(".") else { throw .invalidName(fileName, reason: "it starts with '.'") }
        guard fileName.utf8.count <= maximumNameBytes else {
            throw .invalidName(fileName, reason: "it is longer than \(maximumNameBytes) bytes")
        }
        guard !fileName.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidName(fileName, reason: "it holds a control character")
        }
    }

    /// Throws when writing `fileName` would go through a symbolic link or replace
    /// something that is not a regular file; a folder or file not there yet is fine.
    public func checkWritable(_ fileName: String) throws(AssetFileError) {
        try AssetFolder.checkName(fileName)
        switch AssetFolder.kind(at: folderPath) {
        case nil, S_IFDIR?: break
        case S_IFLNK?: throw .linkedFolder(name)
        case _?: throw .notAFolder(name)
        }
        switch AssetFolder.kind(at: folderPath + "/" + fileName) {
        case nil, S_IFREG?: break
        case S_IFLNK?: throw .linkedFile(relativePath(of: fileName))
        case _?: throw .notAFile(relativePath(of: fileName))
        }
    }

    /// The bytes of `fileName`, or nil when neither it nor the folder is there.
    public func read(_ fileName: String) throws(AssetFileError) -> [UInt8]? {
        try checkWritable(fileName)
        let path = relativePath(of: fileName)
        // The checks above give the clear error; opening without following links is what
        // makes sure of it, even if a link appeared since.
        let folder = open(folderPath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else {
            if errno == ENOENT { return nil }
            throw errno == ELOOP ? .linkedFolder(name) : .unreadable(path, reason: AssetFolder.errnoText())
        }
        defer { close(folder) }
        // Non-blocking, so that opening a pipe cannot hang; it is refused below.
        let file = openat(folder, fileName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else {
            if errno == ENOENT { return nil }
            throw errno == ELOOP ? .linkedFile(path) : .unreadable(path, reason: AssetFolder.errnoText())
        }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0 else { throw .unreadable(path, reason: AssetFolder.errnoText()) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path) }
        let limit = ParameterFile.maximumBytes
        guard Int(status.st_size) <= limit else { throw .tooLarge(path, limit: limit) }
        // Read until the end rather than for the size seen, so that a file that grew since
        // it was checked is still refused past the limit.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(file, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(path, reason: AssetFolder.errnoText()) }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            guard bytes.count <= limit else { throw .tooLarge(path, limit: limit) }
        }
    }

    /// The file type bits of what is at `path`, not following a link; nil when nothing is there.
    private static func kind(at path: String) -> mode_t? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LitDiagnostics

/// The POSIX call, named apart from `AtomicFile.write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// Writes files so that a crash leaves either the old file or the new one, never half of one.
public enum AtomicFile {
    /// Writes `bytes` to a temporary file beside `path`, flushes it to disk and renames it over
    /// `path`, keeping the permissions of a file already there.
    public static func write(_ bytes: [UInt8], to path: String) throws(Diagnostic) {
        // Writing through a symbolic link replaces the file it points to, not the link.
        let target = resolvedPath(path)
        func failure(_ reason: String) -> Diagnostic {
            Diagnostic(DocumentError.writeFailed(path: path, reason: reason), at: nil)
        }
        func errnoText() -> String { String(cString: strerror(errno)) }

        var mode: mode_t = 0o644
        var status = stat()
        if stat(target, &status) == 0 { mode = status.st_mode & 0o7777 }
        // Same directory, so rename stays on one file system and is atomic.
        let temporary = "\(target).litrun-tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw failure(errnoText()) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = errnoText()
                close(descriptor)
                unlink(temporary)
                throw failure(reason)
            }
            written += count
        }
        if fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 {
            let reason = errnoText()
            close(descriptor)
            unlink(temporary)
            throw failure(reason)
        }
        close(descriptor)
        guard rename(temporary, target) == 0 else {
            let reason = errnoText()
            unlink(temporary)
            throw failure(reason)
        }
        // Flush the directory entry too, so the rename survives a power cut.
        let directory = open(directoryName(of: target), O_RDONLY)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    private static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

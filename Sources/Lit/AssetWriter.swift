import Foundation
import LitDiagnostics
import LitDocument

/// Writes a run's figures and saved files into the assets folder beside the chapter (or
/// beside the file the result goes to), each atomically; a file whose bytes are already
/// right is left alone, so a re-run does not even touch it. Nothing is written through a
/// symbolic link, neither the assets folder nor the file, even one that stays in the
/// chapter's folder: writing through it would replace the file it points to, so a chapter
/// from elsewhere could make litrun overwrite a file of the user's or the chapter itself.
package enum AssetWriter {
    package static func write(_ assets: [ChapterAsset], besideFile file: String) throws(Diagnostic) {
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        for asset in assets {
            let target = base.appendingPathComponent(asset.path)
            let folder = target.deletingLastPathComponent()
            guard !asset.path.split(separator: "/").contains(".."), !isLink(folder), !isLink(target) else {
                throw Diagnostic(DocumentError.writeFailed(path: target.path, reason: "it goes through a symbolic link"), at: nil)
            }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw Diagnostic(DocumentError.writeFailed(path: folder.path, reason: error.localizedDescription), at: nil)
            }
            if let existing = FileManager.default.contents(atPath: target.path), [UInt8](existing) == asset.contents { continue }
            try AtomicFile.write(asset.contents, to: target.path)
        }
    }

    /// Whether `url` is a symbolic link itself (its folders are the chapter's own business).
    private static func isLink(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }
}

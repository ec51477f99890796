import Foundation
import LitDiagnostics
import LitDocument

/// Writes a run's figures into the assets folder beside the chapter (or beside the
/// file the result goes to), each atomically; a file whose bytes are already right is
/// left alone, so a re-run does not even touch it. A figure is never written through a
/// symbolic link that leads out of the chapter's folder, so a chapter from elsewhere
/// cannot make litrun overwrite a file of the user's.
package enum AssetWriter {
    package static func write(_ assets: [ChapterAsset], besideFile file: String) throws(Diagnostic) {
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        let resolvedBase = base.resolvingSymlinksInPath().path
        let inside = resolvedBase.hasSuffix("/") ? resolvedBase : resolvedBase + "/"
        /// Whether `url`, if it exists, stays in the chapter's folder once links are followed.
        func staysInside(_ url: URL) -> Bool {
            (try? FileManager.default.attributesOfItem(atPath: url.path)) == nil || url.resolvingSymlinksInPath().path.hasPrefix(inside)
        }
        for asset in assets {
            let target = base.appendingPathComponent(asset.path)
            let folder = target.deletingLastPathComponent()
            guard !asset.path.split(separator: "/").contains(".."), staysInside(folder), staysInside(target) else {
                throw Diagnostic(DocumentError.writeFailed(path: target.path, reason: "it leads out of the chapter's folder"), at: nil)
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
}

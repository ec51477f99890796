import Foundation
import LitDiagnostics
import LitDocument

/// Writes a run's figures into the assets folder beside the chapter (or beside the
/// file the result goes to), each atomically; a file whose bytes are already right is
/// left alone, so a re-run does not even touch it.
package enum AssetWriter {
    package static func write(_ assets: [ChapterAsset], besideFile file: String) throws(Diagnostic) {
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        for asset in assets {
            let target = base.appendingPathComponent(asset.path)
            let folder = target.deletingLastPathComponent()
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

import Foundation
import LitDiagnostics
import LitDocument

/// Writes a run's outputs back into the chapter it ran, without losing what the author
/// changed while the cells ran (a training chapter runs for many minutes, and authors
/// keep editing prose meanwhile).
package enum InPlaceWriter {
    package enum Outcome: Equatable {
        /// The outputs were already current: nothing was written.
        case unchanged
        case written
        /// The prose changed during the run but no cell did: the outputs went into the edited file.
        case mergedIntoEditedChapter
        /// Cells changed during the run: the chapter was left alone, the result saved beside it.
        case savedBeside(String)
    }

    package static func write(_ updates: [Int: CellUpdate], closing: ChapterMarker.Update = .keep,
                      into chapter: Chapter) throws(Diagnostic) -> Outcome {
        let onDisk = try? Chapter.readBytes(path: chapter.path)
        if onDisk == chapter.bytes {
            let bytes = chapter.spliced(updates, closing: closing)
            guard bytes != chapter.bytes else { return .unchanged }
            try AtomicFile.write(bytes, to: chapter.path)
            return .written
        }
        if let onDisk, let edited = try? Chapter.parse(onDisk, path: chapter.path),
           CellHash.chain(edited.cells) == CellHash.chain(chapter.cells) {
            try AtomicFile.write(edited.spliced(updates, closing: closing), to: chapter.path)
            return .mergedIntoEditedChapter
        }
        let beside = besidePath(chapter.path)
        try AtomicFile.write(chapter.spliced(updates, closing: closing), to: beside)
        return .savedBeside(beside)
    }

    /// `chapters/resnet.md` -> `chapters/resnet.litrun.md`.
    package static func besidePath(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        let name = stem + ".litrun." + (url.pathExtension.isEmpty ? "md" : url.pathExtension)
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? name : directory + "/" + name
    }
}

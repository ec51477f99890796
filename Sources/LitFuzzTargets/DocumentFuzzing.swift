import LitDiagnostics
import LitDocument

/// Chapter bytes through the reader and the splicer. Besides not crashing, the reader and
/// splicer keep three promises: splicing nothing gives back every byte, writing outputs
/// (and the closing marker, as a run does) leaves every cell's code alone, and a second run
/// with the same outputs changes nothing.
enum DocumentFuzzing {
    static let path = "fuzz.md"

    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        let chapter: Chapter
        do {
            chapter = try Chapter.parse(bytes, path: path)
        } catch {
            _ = DiagnosticPrinter.render(error)
            return
        }
        guard chapter.spliced([:], removeOrphans: false) == bytes else {
            throw FuzzFailure("splicing no updates changed the chapter's bytes")
        }
        let closing = closingMarker(for: chapter)
        let written = chapter.spliced(sampleOutputs(for: chapter), closing: closing)
        let reread = try reparse(written, like: chapter, after: "writing every cell's output")
        guard reread.cells.allSatisfy({ $0.output != nil }), reread.orphanOutputs.isEmpty else {
            throw FuzzFailure("after writing every cell's output, a block is not attached to its cell")
        }
        guard reread.closingMarkers.count == (chapter.cells.isEmpty ? 0 : 1) else {
            throw FuzzFailure("after a run, the chapter has \(reread.closingMarkers.count) closing markers")
        }
        guard reread.spliced(sampleOutputs(for: reread), closing: closing) == written else {
            throw FuzzFailure("writing the same outputs a second time changed the chapter")
        }
        for update in [CellUpdate.markNotRun, .noOutput] {
            let updates = Dictionary(uniqueKeysWithValues: reread.cells.map { ($0.number, update) })
            let marked = try reparse(reread.spliced(updates), like: chapter, after: "applying \(update)")
            if update == .noOutput, marked.cells.contains(where: { $0.output != nil }) || !marked.orphanOutputs.isEmpty {
                throw FuzzFailure("an output block survived removing every cell's output")
            }
        }
    }

    /// Reads a chapter the splicer wrote: it must hold the same cells with the same code.
    private static func reparse(_ bytes: [UInt8], like original: Chapter, after what: String) throws(FuzzFailure) -> Chapter {
        let chapter: Chapter
        do {
            chapter = try Chapter.parse(bytes, path: path)
        } catch {
            throw FuzzFailure("after \(what), the chapter does not read back: \(DiagnosticPrinter.render(error))")
        }
        guard chapter.cells.map(\.code) == original.cells.map(\.code),
              chapter.cells.map(\.info) == original.cells.map(\.info)
        else {
            throw FuzzFailure("after \(what), the chapter's cells changed")
        }
        return chapter
    }

    /// What a run writes below the last cell: the cell count and the last cell's hash.
    private static func closingMarker(for chapter: Chapter) -> ChapterMarker.Update {
        guard let last = CellHash.chain(chapter.cells).last else { return .remove }
        return .write(ChapterMarker(cells: chapter.cells.count, hash: last))
    }

    /// Output with every kind of line: text with a backtick run and a control character,
    /// a blank line, a table with a pipe, a short row, and a figure.
    private static func sampleOutputs(for chapter: Chapter) -> [Int: CellUpdate] {
        let hashes = CellHash.chain(chapter.cells)
        var updates: [Int: CellUpdate] = [:]
        for cell in chapter.cells {
            let marker = OutputMarker(cell: cell.number, hash: hashes[cell.number - 1])
            updates[cell.number] = .output(marker, [
                .text("cell \(cell.number) says\n\nhello ``` world \u{1B}\n"),
                .table(header: ["epoch", "loss|acc"], rows: [["1", "0.5"], ["2"]]),
                .figure(path: "fuzz.assets/cell-\(cell.number).svg", alt: "loss curve"),
            ])
        }
        return updates
    }
}

import LitDocument
import Testing

/// What the fuzz targets found, each checked on its own; the inputs themselves are in
/// fuzz/regressions and replay through FuzzCorpusTests.
@Suite struct FuzzFindingsTests {
    /// regressions/document/unclosed-cell-empty-line-after-lone-cr.md: the closing fence
    /// written after an empty last code line that follows a lone "\r" started with "\n",
    /// which joined that "\r" into one "\r\n" and took the empty line out of the cell.
    @Test func outputAfterAnEmptyLineEndedByCRKeepsTheLine() throws {
        let chapter = try Chapter.parse(Array("```swift\r\r".utf8), path: "cr.md")
        #expect(chapter.cells.map(\.code) == ["\n"])
        let marker = OutputMarker(cell: 1, hash: "00000000")
        let written = chapter.spliced([1: .output(marker, [.text("hi\n")])])
        #expect(String(decoding: written, as: UTF8.self) == "```swift\r\r```\n\n" + marker.text
                + "\n\n```text\nhi\n```\n\n<!-- litrun:end -->\r")
        let reread = try Chapter.parse(written, path: "cr.md")
        #expect(reread.cells.map(\.code) == ["\n"])
        #expect(reread.cells.first?.output?.marker == marker)
    }

    /// regressions/document/orphan-below-unclosed-cell-in-list.md: removing an orphan block
    /// also removed the blank lines above it, even when they were the last code lines of an
    /// unclosed cell (here in a list item), so the written cell lost a line.
    @Test func removingAnOrphanKeepsTheBlankCodeLinesAboveIt() throws {
        let bytes = Array("1. ```swift\n\n<!--litrun:output cell=1 hash=`-->\n<!--litrun:end-->".utf8)
        let chapter = try Chapter.parse(bytes, path: "list.md")
        #expect(chapter.cells.map(\.code) == ["\n"])
        #expect(chapter.orphanOutputs.count == 1)
        let marker = OutputMarker(cell: 1, hash: "00000000")
        let written = chapter.spliced([1: .output(marker, [.text("hi\n")])])
        #expect(String(decoding: written, as: UTF8.self) == "1. ```swift\n\n   ```\n\n   " + marker.text
                + "\n\n   ```text\n   hi\n   ```\n\n   <!-- litrun:end -->")
        let reread = try Chapter.parse(written, path: "list.md")
        #expect(reread.cells.map(\.code) == ["\n"])
        #expect(reread.cells.first?.output?.marker == marker)
        #expect(reread.orphanOutputs.isEmpty)
    }

    /// regressions/document/orphan-on-first-line-ending-mixed-terminators.md: removing the
    /// orphan took the first line's "\n" and left the block's "\r\n" in its place, so the
    /// written chapter read back with CRLF as its line ending and a second run rewrote it.
    @Test func aSecondRunAfterRemovingAnOrphanChangesNothing() throws {
        let bytes = Array("`\n<!--litrun:output cell=3 hash=4-->\n<!--litrun:end-->\r\n```swift".utf8)
        let chapter = try Chapter.parse(bytes, path: "mixed.md")
        let hash = try #require(CellHash.chain(chapter.cells).last)
        let marker = OutputMarker(cell: 1, hash: hash)
        let updates: [Int: CellUpdate] = [1: .output(marker, [.text("hi\n")])]
        let closing = ChapterMarker.Update.write(ChapterMarker(cells: 1, hash: hash))
        let written = chapter.spliced(updates, closing: closing)
        #expect(String(decoding: written, as: UTF8.self) == "`\n```swift\n```\n\n" + marker.text
                + "\n\n```text\nhi\n```\n\n<!-- litrun:end -->\n\n<!-- litrun:chapter cells=1 hash=\(hash) -->")
        let reread = try Chapter.parse(written, path: "mixed.md")
        #expect(reread.lineEnding == chapter.lineEnding)
        #expect(reread.spliced(updates, closing: closing) == written)
    }

    /// The line ending comes from the first cell's fence line, which splicing keeps.
    @Test func lineEndingIsTheFirstFenceLines() throws {
        let chapter = try Chapter.parse(Array("text\n\n```swift\r\nx\r\n```\r\n".utf8), path: "crlf.md")
        #expect(chapter.lineEnding == "\r\n")
        let noCells = try Chapter.parse(Array("text\r\nmore\n".utf8), path: "prose.md")
        #expect(noCells.lineEnding == "\r\n")
    }
}

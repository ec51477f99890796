import LitDocument
import Testing

/// A re-run whose outputs differ from the chapter's only in wall-clock table cells keeps
/// the old text, so regenerating an unchanged chapter gives no diff.
@Suite struct QuietRerunTests {
    static let header = ["epoch", "loss", "seconds", "images/s"]

    static func table(loss: String, seconds: String, rate: String, wallClock: Set<Int> = [2, 3]) -> OutputItem {
        .table(header: header, rows: [["1", loss, seconds, rate], ["2", "0.250", "4.1", "14,634"]], wallClock: wallClock)
    }

    /// The chapter after one run that wrote `items` below its only cell.
    static func written(_ source: String, _ items: [OutputItem]) throws -> Chapter {
        let chapter = try Chapter.parse(Array(source.utf8), path: "t.md")
        let marker = OutputMarker(cell: 1, hash: CellHash.chain(chapter.cells)[0])
        return try Chapter.parse(chapter.spliced([1: .output(marker, items)]), path: "t.md")
    }

    static func rerun(_ chapter: Chapter, _ items: [OutputItem], hash: String? = nil) -> [UInt8] {
        let marker = OutputMarker(cell: 1, hash: hash ?? CellHash.chain(chapter.cells)[0])
        return chapter.spliced([1: .output(marker, items)])
    }

    static let sources = [
        "# T\n\n```swift\ntrain()\n```\n\nProse.\n",
        "# T\r\n\r\n```swift\r\ntrain()\r\n```\r\n\r\nProse.\r\n",
        "> Quoted:\n>\n> ```swift\n> train()\n> ```\n",
        "- item\n\n  ```swift\n  train()\n  ```\n",
    ]

    @Test(arguments: sources)
    func newTimingsAloneKeepTheOldBytes(source: String) throws {
        let chapter = try Self.written(source, [.text("start\n"), Self.table(loss: "0.512", seconds: "5.5", rate: "11,279"),
                                                .figure(path: "t.assets/cell-1-training.svg", alt: "curve")])
        let again = Self.rerun(chapter, [.text("start\n"), Self.table(loss: "0.512", seconds: "12.25", rate: "987"),
                                         .figure(path: "t.assets/cell-1-training.svg", alt: "curve")])
        #expect(again == chapter.bytes)
    }

    @Test(arguments: sources)
    func aChangedResultRewritesTheBlock(source: String) throws {
        let chapter = try Self.written(source, [Self.table(loss: "0.512", seconds: "5.5", rate: "11,279")])
        let again = Self.rerun(chapter, [Self.table(loss: "0.513", seconds: "5.5", rate: "11,279")])
        #expect(again != chapter.bytes)
        let reread = try Chapter.parse(again, path: "t.md")
        #expect(reread.cells[0].output?.body.contains("| 1 | 0.513 | 5.5 | 11,279 |") == true)
    }

    @Test func timingsChangeTheNewFiguresWhenAnythingElseChanged() throws {
        let chapter = try Self.written(Self.sources[0], [Self.table(loss: "0.512", seconds: "5.5", rate: "11,279")])
        let again = try Chapter.parse(
            Self.rerun(chapter, [Self.table(loss: "0.400", seconds: "6.0", rate: "10,000")]), path: "t.md")
        #expect(again.cells[0].output?.body.contains("| 1 | 0.400 | 6.0 | 10,000 |") == true)
    }

    @Test func onlyColumnsMarkedAsTimingsMayDiffer() throws {
        let chapter = try Self.written(Self.sources[0], [Self.table(loss: "0.512", seconds: "5.5", rate: "11,279", wallClock: [])])
        #expect(Self.rerun(chapter, [Self.table(loss: "0.512", seconds: "6.5", rate: "11,279", wallClock: [])]) != chapter.bytes)
        // A timing column cannot hide a change in another column of the same row.
        let timed = try Self.written(Self.sources[0], [Self.table(loss: "0.512", seconds: "5.5", rate: "11,279")])
        #expect(Self.rerun(timed, [Self.table(loss: "0.5|2", seconds: "5.5", rate: "11,279")]) != timed.bytes)
    }

    @Test func textAndStructureMustMatchExactly() throws {
        let chapter = try Self.written(Self.sources[0], [.text("a\n"), Self.table(loss: "0.512", seconds: "5.5", rate: "1")])
        #expect(Self.rerun(chapter, [.text("b\n"), Self.table(loss: "0.512", seconds: "5.5", rate: "1")]) != chapter.bytes)
        #expect(Self.rerun(chapter, [Self.table(loss: "0.512", seconds: "5.5", rate: "1")]) != chapter.bytes)
        #expect(Self.rerun(chapter, [.text("a\n"), Self.table(loss: "0.512", seconds: "5.5", rate: "1"), .text("c\n")])
                != chapter.bytes)
    }

    @Test func aNewMarkerRewritesTheBlock() throws {
        let chapter = try Self.written(Self.sources[0], [Self.table(loss: "0.512", seconds: "5.5", rate: "11,279")])
        let again = Self.rerun(chapter, [Self.table(loss: "0.512", seconds: "9.5", rate: "7,000")], hash: "00000000")
        let reread = try Chapter.parse(again, path: "t.md")
        #expect(reread.cells[0].output?.marker.hash == "00000000")
        #expect(reread.cells[0].output?.body.contains("9.5") == true)
    }
}

import LitDocument
import Testing

@Suite struct ChapterSplicingTests {
    /// Fixtures with no output blocks yet, where insertion must leave every other byte alone.
    static let fresh = MarkdownFixtures.valid.filter { $0 != "stale-output.md" }

    @Test(arguments: MarkdownFixtures.valid)
    func keepingEverythingReproducesTheFile(name: String) throws {
        let chapter = try MarkdownFixtures.chapter(name)
        #expect(chapter.spliced([:], removeOrphans: false) == chapter.bytes)
        let keepAll = Dictionary(uniqueKeysWithValues: chapter.cells.map { ($0.number, CellUpdate.keep) })
        #expect(chapter.spliced(keepAll, removeOrphans: false) == chapter.bytes)
    }

    @Test(arguments: MarkdownFixtures.valid)
    func insertingIsIdempotent(name: String) throws {
        let original = try MarkdownFixtures.chapter(name)
        let once = original.spliced(original.sampleUpdates())
        let reparsed = try Chapter.parse(once, path: original.path)
        let twice = reparsed.spliced(reparsed.sampleUpdates())
        #expect(decodedText(twice) == decodedText(once))
        #expect(reparsed.spliced([:]) == once)
        #expect(reparsed.orphanOutputs.isEmpty)
        // The outputs read back are attached to the cells that produced them.
        #expect(reparsed.cells.map(\.code) == original.cells.map(\.code))
        #expect(reparsed.cells.map(\.containerPrefix) == original.cells.map(\.containerPrefix))
        #expect(reparsed.cells.map { $0.output?.marker.cell } == reparsed.cells.map(\.number))
        #expect(reparsed.cells.map { $0.output?.marker.hash } == CellHash.chain(original.cells))
    }

    @Test(arguments: fresh)
    func insertionChangesNoByteOutsideOutputBlocks(name: String) throws {
        let original = try MarkdownFixtures.chapter(name)
        let inserted = try Chapter.parse(original.spliced(original.sampleUpdates()), path: original.path)
        // An unclosed fence is closed so that its block does not become code.
        let expected = original.bytes + Array((name == "unclosed-at-end.md" ? "\n```" : "").utf8)
        #expect(decodedText(inserted.bytesWithoutOutputs()) == decodedText(expected))

        let noOutputs = Dictionary(uniqueKeysWithValues: inserted.cells.map { ($0.number, CellUpdate.noOutput) })
        #expect(decodedText(inserted.spliced(noOutputs)) == decodedText(expected))
    }

    @Test(arguments: fresh)
    func insertedBlocksStayInTheCellsContainers(name: String) throws {
        let original = try MarkdownFixtures.chapter(name)
        let bytes = original.spliced(original.sampleUpdates())
        let chapter = try Chapter.parse(bytes, path: name)
        let blocks = CommonMarkReader.read(bytes).blocks
        for cell in chapter.cells {
            let output = try #require(cell.output)
            // cmark sees the begin marker as the code block's next sibling, and the cell's
            // container reaching past the end marker.
            let code = try #require(blocks.firstIndex { $0.startLine == cell.fenceLine && $0.kind != .html })
            let sibling = try #require(blocks[code].nextSibling)
            #expect(blocks[sibling].startLine == output.line)
            let endLine = output.line + output.body.split(separator: "\n", omittingEmptySubsequences: false).count + 1
            #expect(blocks[code].containerEndLine >= endLine)
            #expect(chapter.line(endLine).hasSuffix(OutputMarker.endText))
            // Every inserted line carries the container prefix.
            for line in output.line...endLine {
                let prefix = chapter.line(line).isEmpty ? "" : ContainerPrefix.blank(cell.containerPrefix)
                #expect(chapter.line(line).hasPrefix(prefix))
            }
        }
    }

    @Test func writesTheExpectedBytes() throws {
        let chapter = try MarkdownFixtures.chapter("crlf-tabs.md")
        let marker = OutputMarker(cell: 1, hash: "0123abcd")
        let bytes = chapter.spliced([1: .output(marker, [.text("2\n")])])
        let expected = "# CRLF and tabs\r\n\r\nSome\tprose with a tab.\r\n\r\n```swift\r\nlet a = 1\r\n\tlet b = a + 1\r\nprint(b)\r\n```\r\n\r\n"
            + "<!-- litrun:output cell=1 hash=0123abcd -->\r\n\r\n```text\r\n2\r\n```\r\n\r\n<!-- litrun:end -->\r\n\r\n"
            + "\tindented code is prose\r\n\r\n```swift norun\r\nlet c = 3\r\n```\r\nTrailing line\r\n"
        #expect(decodedText(bytes) == expected)

        let quoted = try Chapter.parse(Array("> ```swift\n> x\n> ```\n".utf8), path: "q.md")
        let quotedBytes = quoted.spliced([1: .output(marker, [.text("1")])])
        #expect(decodedText(quotedBytes) == "> ```swift\n> x\n> ```\n>\n> <!-- litrun:output cell=1 hash=0123abcd -->\n>\n> ```text\n> 1\n> ```\n>\n> <!-- litrun:end -->\n")
    }

    @Test func replacesStaleBlocksAndRemovesOrphans() throws {
        let chapter = try MarkdownFixtures.chapter("stale-output.md")
        let bytes = chapter.spliced([1: .noOutput, 2: .output(OutputMarker(cell: 2, hash: "22222222"), [.text("2")])])
        let expected = """
            # Stale

            <!-- a note that is not ours -->

            ```swift
            print("hello")
            ```

            Between.

            ```swift
            let second = 2
            ```

            <!-- litrun:output cell=2 hash=22222222 -->

            ```text
            2
            ```

            <!-- litrun:end -->
            The end.

            """
        #expect(decodedText(bytes) == expected)
        #expect(chapter.spliced([:], removeOrphans: false) == chapter.bytes)
    }

    @Test func marksOldBlocksNotRun() throws {
        let chapter = try MarkdownFixtures.chapter("stale-output.md")
        let bytes = chapter.spliced([1: .markNotRun, 2: .markNotRun], removeOrphans: false)
        let reparsed = try Chapter.parse(bytes, path: chapter.path)
        #expect(reparsed.cells.map { $0.output?.marker.status } == [.notRun, .notRun])
        #expect(reparsed.cells[1].output?.marker.budget == "quick")
        #expect(reparsed.cells.map { $0.output?.body } == chapter.cells.map { $0.output?.body })
        #expect(reparsed.spliced([1: .markNotRun, 2: .markNotRun], removeOrphans: false) == bytes)
        // A cell with no block has nothing to mark.
        let fresh = try MarkdownFixtures.chapter("containers.md")
        #expect(fresh.spliced([1: .markNotRun]) == fresh.bytes)
    }
}

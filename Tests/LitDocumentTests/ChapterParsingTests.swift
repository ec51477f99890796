import LitDiagnostics
import LitDocument
import Testing

@Suite struct ChapterParsingTests {
    struct Expected {
        var info: String
        var code: String
        var fenceLine: Int
        var prefix: String
    }

    static let expectations: [(String, [Expected])] = [
        ("crlf-tabs.md", [
            Expected(info: "swift", code: "let a = 1\n\tlet b = a + 1\nprint(b)\n", fenceLine: 5, prefix: ""),
            Expected(info: "swift norun", code: "let c = 3\n", fenceLine: 13, prefix: ""),
        ]),
        ("chinese-math.md", [
            Expected(info: "swift", code: "let 名字 = \"张量\"\nprint(名字)\n", fenceLine: 9, prefix: ""),
            Expected(info: "swift expect-error", code: "let x = undefined\n", fenceLine: 15, prefix: ""),
        ]),
        ("long-fences.md", [
            Expected(info: "swift", code: "let tilde = 1\n", fenceLine: 10, prefix: ""),
            Expected(info: "swift", code: "let fenced = \"\"\"\n```\n\"\"\"\n", fenceLine: 14, prefix: ""),
            Expected(info: "swift norun", code: "~~~\nlet inner = 2\n", fenceLine: 20, prefix: ""),
        ]),
        ("containers.md", [
            Expected(info: "swift", code: "let inList = 1\n", fenceLine: 5, prefix: "  "),
            Expected(info: "swift", code: "let onMarkerLine = 2\n", fenceLine: 8, prefix: "  "),
            Expected(info: "swift", code: "let wide = 3\n", fenceLine: 13, prefix: "    "),
            Expected(info: "swift", code: "let quoted = 4\n", fenceLine: 19, prefix: "> "),
            Expected(info: "swift", code: "let deep = 5\n", fenceLine: 23, prefix: ">   "),
            Expected(info: "swift", code: "let quoteInList = 6\n", fenceLine: 27, prefix: "  > "),
            Expected(info: "swift", code: "let tight = 7\n", fenceLine: 31, prefix: "> "),
        ]),
        ("no-final-newline.md", [
            Expected(info: "swift", code: "print(1)\n", fenceLine: 3, prefix: ""),
            Expected(info: "swift", code: "print(2)\n", fenceLine: 7, prefix: ""),
        ]),
        ("unclosed-at-end.md", [
            Expected(info: "swift", code: "print(1)\n", fenceLine: 3, prefix: ""),
            Expected(info: "swift", code: "print(2)\n", fenceLine: 7, prefix: ""),
        ]),
        ("stale-output.md", [
            Expected(info: "swift", code: "print(\"hello\")\n", fenceLine: 5, prefix: ""),
            Expected(info: "swift", code: "let second = 2\n", fenceLine: 27, prefix: ""),
        ]),
    ]

    @Test(arguments: expectations.map(\.0))
    func findsExactlyTheCells(name: String) throws {
        let chapter = try MarkdownFixtures.chapter(name)
        let expected = try #require(Self.expectations.first { $0.0 == name }?.1)
        #expect(chapter.cells.map(\.info) == expected.map(\.info))
        #expect(chapter.cells.map(\.code) == expected.map(\.code))
        #expect(chapter.cells.map(\.fenceLine) == expected.map(\.fenceLine))
        #expect(chapter.cells.map(\.containerPrefix) == expected.map(\.prefix))
        #expect(chapter.cells.map(\.number) == Array(1...expected.count))
        for cell in chapter.cells {
            #expect(cell.firstCodeLine == cell.fenceLine + 1)
            // The range starts at the fence line and ends with a closing fence or the last code line.
            #expect(cell.range.lowerBound == chapter.lineStart(cell.fenceLine))
            let rangeText = decodedText(Array(chapter.bytes[cell.range]))
            #expect(rangeText.hasPrefix(chapter.line(cell.fenceLine)))
            #expect(!rangeText.hasSuffix("\n") && !rangeText.hasSuffix("\r"))
            // Each code line sits in the chapter at the column the offsets promise.
            let codeLines = cell.code.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(cell.codeColumnOffsets.count == codeLines.count)
            for (index, codeLine) in codeLines.enumerated() {
                let raw = Array(chapter.line(cell.firstCodeLine + index).utf8)
                let offset = cell.codeColumnOffsets[index]
                #expect(decodedText(Array(raw[offset...])) == String(codeLine))
            }
        }
    }

    @Test func readsFlagsLineEndingsAndRanges() throws {
        let crlf = try MarkdownFixtures.chapter("crlf-tabs.md")
        #expect(crlf.lineEnding == "\r\n")
        #expect(crlf.cells.map(\.flags) == [[], [.norun]])
        #expect(decodedText(Array(crlf.bytes[crlf.cells[0].range])) == "```swift\r\nlet a = 1\r\n\tlet b = a + 1\r\nprint(b)\r\n```")
        #expect(crlf.line(7) == "\tlet b = a + 1")
        #expect(crlf.line(0) == "" && crlf.line(1000) == "")

        let math = try MarkdownFixtures.chapter("chinese-math.md")
        #expect(math.lineEnding == "\n")
        #expect(math.cells[1].flags == [.expectError])

        let containers = try MarkdownFixtures.chapter("containers.md")
        #expect(containers.cells.map(\.codeColumnOffsets) == [[2], [2], [4], [2], [4], [4], [1]])

        for name in ["no-final-newline.md", "unclosed-at-end.md"] {
            let chapter = try MarkdownFixtures.chapter(name)
            #expect(chapter.cells.last?.range.upperBound == chapter.bytes.count)
        }
    }

    @Test func fallsBackWhenCmarkExpandsATab() throws {
        let chapter = try Chapter.parse(Array("- item\n\n\t```swift\n\t\tlet x = 1\n\t```\n".utf8), path: "t.md")
        let cell = try #require(chapter.cells.first)
        #expect(cell.code == " \tlet x = 1\n")
        // Code column 3 ('l') is byte 3 of "\t\tlet x = 1", chapter column 3.
        #expect(cell.codeColumnOffsets == [0])
    }

    @Test func attachesOutputBlocksAndCollectsOrphans() throws {
        let chapter = try MarkdownFixtures.chapter("stale-output.md")
        let first = try #require(chapter.cells[0].output)
        #expect(first.marker == OutputMarker(cell: 1, hash: "00000000"))
        #expect(first.line == 9)
        #expect(first.body == "\n```text\nold output\n```\n")
        #expect(decodedText(Array(chapter.bytes[first.range])).hasSuffix("\n<!-- litrun:end -->"))
        let second = try #require(chapter.cells[1].output)
        #expect(second.marker == OutputMarker(cell: 2, hash: "11111111", budget: "quick"))
        #expect(chapter.orphanOutputs.map(\.marker) == [OutputMarker(cell: 9, hash: "deadbeef", status: .error)])
    }

    @Test func blockAfterProseIsAnOrphan() throws {
        let source = "```swift\nx\n```\ntext\n\n<!-- litrun:output cell=1 hash=0 -->\n<!-- litrun:end -->\n"
        let chapter = try Chapter.parse(Array(source.utf8), path: "t.md")
        #expect(chapter.cells[0].output == nil)
        #expect(chapter.orphanOutputs.count == 1)
    }

    @Test func reportsAnUnknownFlagAtItsColumn() throws {
        let error = #expect(throws: Diagnostic.self) { try MarkdownFixtures.chapter("unknown-flag.md") }
        #expect(error?.message as? DocumentError == .unknownCellFlag("fast"))
        #expect(error?.location == SourceLocation(file: "chapters/unknown-flag.md", line: 3, column: 17))
        #expect(error?.sourceLine == "```swift norun  fast")
    }

    @Test func reportsAnUnterminatedOutputBlock() throws {
        let error = #expect(throws: Diagnostic.self) { try MarkdownFixtures.chapter("unterminated.md") }
        #expect(error?.message as? DocumentError == .unterminatedOutputBlock)
        #expect(error?.location == SourceLocation(file: "chapters/unterminated.md", line: 5, column: 1))
    }

    @Test func rejectsBinaryAndInvalidUTF8() throws {
        let nul = #expect(throws: Diagnostic.self) { try Chapter.parse(Array("ab\ncd\0".utf8), path: "b.md") }
        guard case .notMarkdown(let path, _)? = nul?.message as? DocumentError else { Issue.record("wrong message"); return }
        #expect(path == "b.md")
        #expect(nul?.location == SourceLocation(file: "b.md", line: 2, column: 3))

        for bad: [UInt8] in [[0x61, 0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xF4, 0x90, 0x80, 0x80]] {
            let error = #expect(throws: Diagnostic.self) { try Chapter.parse(bad, path: "bad.md") }
            guard case .notMarkdown? = error?.message as? DocumentError else { Issue.record("accepted \(bad)"); continue }
        }
        #expect(try Chapter.parse([0xEF, 0xBB, 0xBF] + Array("```swift\nx\n```\n".utf8), path: "bom.md").cells.count == 1)
        #expect(try Chapter.parse([], path: "empty.md").cells.isEmpty)
    }

    @Test func reportsAMissingFile() throws {
        let error = #expect(throws: Diagnostic.self) { try Chapter.read(path: "/nonexistent/chapter.md") }
        #expect(error?.message as? DocumentError == .unreadableFile(path: "/nonexistent/chapter.md", reason: "No such file or directory"))
        let directory = #expect(throws: Diagnostic.self) { try Chapter.read(path: MarkdownFixtures.directory.path) }
        guard case .unreadableFile? = directory?.message as? DocumentError else { Issue.record("read a directory"); return }
    }

    @Test func readsAFixtureFromDisk() throws {
        let chapter = try Chapter.read(path: MarkdownFixtures.path("containers.md"))
        #expect(try chapter.bytes == MarkdownFixtures.bytes("containers.md"))
        #expect(chapter.cells.count == 7)
    }

    @Test func parsesAndRendersMarkers() {
        let marker = OutputMarker(cell: 3, hash: "5f2a9c1e", status: .notRun, budget: "quick")
        #expect(marker.text == "<!-- litrun:output cell=3 hash=5f2a9c1e status=not-run budget=quick -->")
        #expect(OutputMarker.parse(marker.text) == marker)
        #expect(OutputMarker.parse("  <!--litrun:output hash=ab cell=2 future=1-->  ") == OutputMarker(cell: 2, hash: "ab"))
        #expect(OutputMarker.parse("<!-- litrun:output cell=0 hash=ab -->") == nil)
        #expect(OutputMarker.parse("<!-- litrun:output cell=2 -->") == nil)
        #expect(OutputMarker.parse("<!-- litrun:output cell=2 hash=ab status=weird -->") == nil)
        #expect(OutputMarker.parse("<!-- litrun:end -->") == nil)
        #expect(OutputMarker.parse("<!--->") == nil)
        #expect(OutputMarker.isEnd("<!--  litrun:end-->"))
    }

    @Test func parsesAndRendersClosingMarkers() throws {
        let marker = ChapterMarker(cells: 7, hash: "5f2a9c1e", status: .notRun, budget: "quick")
        #expect(marker.text == "<!-- litrun:chapter cells=7 hash=5f2a9c1e status=not-run budget=quick -->")
        #expect(ChapterMarker.parse(marker.text) == marker)
        #expect(ChapterMarker.parse("<!--litrun:chapter hash=ab cells=0 future=1-->") == ChapterMarker(cells: 0, hash: "ab"))
        #expect(ChapterMarker.parse("<!-- litrun:chapter cells=-1 hash=ab -->") == nil)
        #expect(ChapterMarker.parse("<!-- litrun:chapter cells=2 -->") == nil)
        #expect(ChapterMarker.parse("<!-- litrun:chapter cells=2 hash=ab status=weird -->") == nil)
        #expect(ChapterMarker.parse("<!-- litrun:output cell=2 hash=ab -->") == nil)
        #expect(OutputMarker.parse(marker.text) == nil)

        // Found where cmark sees an HTML block; inside a code block it is code.
        let chapter = try Chapter.parse(Array("```swift\nlet a = 1\n```\n\n<!-- litrun:chapter cells=1 hash=ab -->\n\n```text\n<!-- litrun:chapter cells=9 hash=cd -->\n```\n".utf8), path: "c.md")
        #expect(chapter.closingMarkers.map(\.marker) == [ChapterMarker(cells: 1, hash: "ab")])
        #expect(chapter.closingMarkers.map(\.line) == [5])
    }
}

extension Chapter {
    func lineStart(_ line: Int) -> Int { lines.start(line) }
}

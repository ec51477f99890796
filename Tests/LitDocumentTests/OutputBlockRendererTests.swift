import LitDocument
import Testing

@Suite struct OutputBlockRendererTests {
    let marker = OutputMarker(cell: 4, hash: "89abcdef", status: .error, budget: "quick")

    @Test func rendersEveryKindOfItem() {
        let lines = OutputBlockRenderer.render(
            marker,
            [
                .text("epoch 1\n"), .text("loss 0.5\n\nx ``` y"),
                .table(header: ["name", "a|b"], rows: [["conv", "1", "extra"], ["bn"]]),
                .figure(path: "ch.assets/cell-4-loss.svg", alt: "loss [log]"),
                .text("done"),
            ])
        let expected = """
            <!-- litrun:output cell=4 hash=89abcdef status=error budget=quick -->

            ````text
            epoch 1
            loss 0.5

            x ``` y
            ````

            | name | a\\|b |  |
            | --- | --- | --- |
            | conv | 1 | extra |
            | bn |  |  |

            ![loss \\[log\\]](ch.assets/cell-4-loss.svg)

            ```text
            done
            ```

            <!-- litrun:end -->
            """
        #expect(lines.joined(separator: "\n") == expected)
    }

    @Test func rendersAnEmptyBlockAndOddText() {
        #expect(OutputBlockRenderer.render(OutputMarker(cell: 1, hash: "0"), []) == [
            "<!-- litrun:output cell=1 hash=0 -->", "<!-- litrun:end -->",
        ])
        #expect(OutputBlockRenderer.textLines("a\r\nb\n") == ["a", "b"])
        #expect(OutputBlockRenderer.textLines("") == [""])
        #expect(OutputBlockRenderer.textBlock(["``````"]).first == "```````text")
        #expect(OutputBlockRenderer.figure(path: "a b.svg", alt: "x") == "![x](<a b.svg>)")
        #expect(OutputBlockRenderer.escapeCell("a\nb|c") == "a b\\|c")
    }

    @Test func controlCharactersBecomeVisibleSoTheChapterStaysText() throws {
        #expect(OutputBlockRenderer.textLines("nul\u{0}bell\u{7}esc\u{1B}del\u{7F}\ttab") == ["nul␀bell␇esc␛del␡\ttab"])
        let chapter = try Chapter.parse(Array("```swift\nx\n```\n".utf8), path: "c.md")
        let marker = OutputMarker(cell: 1, hash: CellHash.chain(chapter.cells)[0])
        let written = chapter.spliced([1: .output(marker, [.text("a\u{0}b\n")])])
        #expect(!written.contains(0))
        #expect(try Chapter.parse(written, path: "c.md").cells.count == 1)
    }
}

import LitLanguage
import Testing

@Suite struct PrintedTextTests {
    @Test func longOutputKeepsTheFirstLinesAndCountsTheRest() throws {
        let text = try output("for i in 0..<2500 { print(i) }")
        let lines = text.split(separator: "\n")
        #expect(lines.count == PrintedText.maximumLines + 1)
        #expect(lines[0] == "0" && lines[1999] == "1999")
        #expect(lines.last == "... 500 more lines not shown")
    }

    @Test func aPartialLastLineCounts() {
        var printed = PrintedText()
        printed.append(String(repeating: "x\n", count: PrintedText.maximumLines))
        printed.append("a\nb")
        #expect(printed.text.hasSuffix("x\n... 2 more lines not shown\n"))
    }

    @Test func hugeLinesAreCutByBytes() {
        var printed = PrintedText()
        let line = String(repeating: "y", count: 100_000) + "\n"
        for _ in 0..<10 { printed.append(line) }
        #expect(printed.text.utf8.count < PrintedText.maximumBytes + 100)
        #expect(printed.text.hasSuffix("... 5 more lines not shown\n"))
    }

    @Test func shortOutputIsUntouched() {
        var printed = PrintedText()
        printed.append("a")
        printed.append(" b\n")
        #expect(printed.text == "a b\n")
    }
}

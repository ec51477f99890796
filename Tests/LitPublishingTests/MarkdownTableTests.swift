import LitPublishing
import Testing

@Suite struct MarkdownTableTests {
    @Test func findsATableAfterParagraphLines() throws {
        let lines = ["Some text", "| epoch | loss | name |", "|---|:-:|:--|", "| 1 | 0.5 | a \\| b |", "| 2 | 0.25"]
        let (before, table) = try #require(MarkdownTable.find(in: lines))
        #expect(before == ["Some text"])
        #expect(table.header == ["epoch", "loss", "name"])
        #expect(table.alignments == [.none, .center, .left])
        #expect(table.rows == [["1", "0.5", "a | b"], ["2", "0.25", ""]])
    }
}

import LitLibrary
import Testing

@Suite struct DisplayTests {
    @Test func lastBareExpressionIsDisplayed() throws {
        #expect(try output("let shape = [4, 3, 6, 6]\nshape") == "[4, 3, 6, 6]\n")
        #expect(try output("print(\"first\")\n1 + 1") == "first\n2\n")
    }

    @Test func voidAndAssignmentShowNothing() throws {
        #expect(try output("func f() {}\nf()") == "")
        #expect(try output("var x = 1\nx = 2") == "")
        #expect(try output("var x = 1\nx += 2") == "")
        #expect(try output("_ = 3 + 4") == "")
        #expect(try output("let y = 5") == "")
    }

    @Test func onlyTheLastStatementIsDisplayed() throws {
        #expect(try output("1\n2") == "2\n")
    }

    @Test func cellResultCarriesDisplayedValue() throws {
        let result = try ChapterSession(seed: 1).run("3 * 4", cell: 1)
        #expect(result.text == "12\n")
        if case .int(12)? = result.displayed {} else { Issue.record("expected 12, got \(String(describing: result.displayed))") }
    }
}

import Foundation
import LitDocument
import LitPublishing
import LitTestSupport
import Testing

/// A chapter with math that Markdown would mangle, rendered as a page's article.
/// Re-record the golden page with `RECORD_GOLDEN=1 swift test --filter ChapterPageTests`.
@Suite struct ChapterPageTests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("publish/tricky-math.md")

    static func page() throws -> ChapterPage {
        ChapterPage(try Chapter.read(path: fixture.path), name: "tricky-math")
    }

    /// The article as XML, so that checks read its structure rather than its bytes.
    static func article(_ page: ChapterPage) throws -> XMLTree {
        try #require(XMLTree.parse("<article>" + page.body + "</article>"), "the article is not well-formed")
    }

    @Test func mathPassesThroughMarkdownUntouched() throws {
        let article = try Self.article(try Self.page())
        let spans = article.all(class: "math").map { ($0.textContent, $0.attributes["class"] ?? "") }
        let expected: [(String, String)] = [
            ("x_1", "math inline"),
            (#"\ell(\hat{y}_i, y_i) = -\log \hat{y}_{i,y_i}"#, "math inline"),
            ("\n\\mathbf{A} = \\begin{pmatrix} a_{11} & a_{12} \\\\ a_{21} & a_{22} \\end{pmatrix}\n", "math display"),
            ("a * b * c", "math inline"),
            ("2*3", "math inline"),
            ("x^*_i", "math inline"),
            (#"\sum_{i=1}^{n} w_i^2"#, "math inline"),
            (#"\alpha_{t}"#, "math inline"),
            (#"\beta_t"#, "math display"),
            (#"\|x\|_2"#, "math inline"),
            ("|y|", "math inline"),
            (#"\eta/2"#, "math inline"),
        ]
        #expect(spans.map(\.0) == expected.map(\.0))
        #expect(spans.map(\.1) == expected.map(\.1))
        // Only the one `*emphasis*` of the prose is emphasis: no underscore or star in
        // the math, nor snake_case_words, became one.
        #expect(article.all("em").map(\.textContent) == ["emphasis"])
        #expect(article.all("strong").isEmpty)
    }

    @Test func dollarsThatAreNotMathStayText() throws {
        let article = try Self.article(try Self.page())
        let text = article.all("p").map(\.textContent).joined(separator: "\n")
        #expect(text.contains("Prices like $5 and $6 stay text, and so does an escaped $ sign."))
        let code = article.all("code").map(\.textContent)
        #expect(code.contains(#"let price = "$x$""#))
        #expect(code.contains("a `$_$` b"))
        #expect(code.contains("$PATH"))
        #expect(code.contains("echo \"$HOME/$USER\"\n"))
    }

    @Test func tablesBecomeHTMLTablesWithNumbersRightAligned() throws {
        let article = try Self.article(try Self.page())
        let tables = article.all("table")
        try #require(tables.count == 2)
        let prose = tables[0]
        #expect(prose.all("th").map(\.textContent) == ["name", "formula", "value"])
        let rows = prose.all("tr").dropFirst().map { $0.all("td") }
        #expect(rows.map { $0[0].textContent } == ["norm", "pipe", "list"])
        #expect(rows[1][1].all("code").map(\.textContent) == ["a | b"])
        #expect(rows[2][1].textContent == "- not a list")
        #expect(rows.map { $0[2].attributes["class"] } == ["num", "num", "num"])
        #expect(rows.map { $0[0].attributes["class"] } == [nil, nil, nil])
        // The output's table: numeric columns are right-aligned without a `--:` delimiter.
        let output = tables[1]
        let classes = output.all("tr").dropFirst().map { $0.all("td").map { $0.attributes["class"] } }
        #expect(classes == [["num", "num", nil], ["num", "num", nil]])
    }

    @Test func outputsAreStyledApartWithBannersAndFigures() throws {
        let article = try Self.article(try Self.page())
        let outputs = article.all(class: "output")
        try #require(outputs.count == 3)
        #expect(outputs[0].attributes["class"] == "output budget")
        #expect(outputs[0].all(class: "banner").map(\.textContent)
            == ["Budget run (quick): a sample of the data and fewer epochs, not the full run's results."])
        #expect(outputs[0].all("pre").map(\.textContent) == ["shape [2, 3] of $x$\n"])
        let image = try #require(outputs[0].all("img").first)
        #expect(image.attributes["src"] == "tricky-math.assets/cell-1-training.svg")
        #expect(image.attributes["alt"] == "Training curve")
        #expect(outputs[1].attributes["class"] == "output error")
        #expect(outputs[1].all(class: "banner").map(\.textContent) == ["This cell failed in the last run."])
        #expect(outputs[2].attributes["class"] == "output error")
        #expect(outputs[2].all(class: "banner").isEmpty)
        let page = try Self.page()
        #expect(page.localResources == ["tricky-math.assets/cell-1-training.svg"])
        #expect(page.remoteResources.isEmpty)
        #expect(page.mathCount == 12)
    }

    @Test func cellsAreHighlightedAndNumbered() throws {
        let article = try Self.article(try Self.page())
        let cells = article.all(class: "cell")
        #expect(cells.map { $0.attributes["id"] } == ["cell-1", "cell-2", "cell-3"])
        #expect(cells.map { $0.all(class: "cell-label").first?.textContent } == ["cell 1", "cell 2", "cell 3 · expect-error"])
        let code = try #require(cells[0].all("code").first)
        #expect(code.textContent.contains("let x = zeros([2, 3])"))
        #expect(code.all(class: "co").map(\.textContent) == ["// a comment with $dollars$"])
        #expect(code.all(class: "kw").map(\.textContent) == ["let"])
    }

    @Test func titleAndOutlineComeFromTheHeadings() throws {
        let page = try Self.page()
        #expect(page.title == "Tricky x_1 math")
        #expect(page.outline.map(\.id) == ["tricky-x_1-math"])
        #expect(page.summary.hasPrefix("The loss <span class=\"math inline\">"))
    }

    @Test func goldenPage() throws {
        let golden = Self.fixture.deletingPathExtension().appendingPathExtension("html")
        let body = try Self.page().body
        if TestPaths.isRecording {
            try body.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(body == expected, "differs from \(golden.lastPathComponent); re-record with RECORD_GOLDEN=1 if the change is intended")
    }
}

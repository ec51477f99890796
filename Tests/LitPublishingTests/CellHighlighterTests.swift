import Foundation
import LitDocument
import LitPublishing
import LitTestSupport
import Testing

@Suite struct CellHighlighterTests {
    /// The highlighted HTML read back as text: tags dropped, entities decoded.
    static func text(_ html: String) throws -> String {
        try #require(XMLTree.parse("<code>\(html)</code>")).textContent
    }

    /// The text of each span of a class, in order.
    static func spans(_ html: String, _ className: String) throws -> [String] {
        try #require(XMLTree.parse("<code>\(html)</code>")).all(class: className).map(\.textContent)
    }

    @Test func everyCellOfEveryChapterReadsBackExactly() throws {
        let chapters = try FileManager.default.contentsOfDirectory(atPath: TestPaths.repository.appendingPathComponent("chapters").path)
            .filter { $0.hasSuffix(".md") }
        #expect(chapters.count >= 5)
        for name in chapters {
            let chapter = try Chapter.read(path: TestPaths.repository.appendingPathComponent("chapters/\(name)").path)
            for cell in chapter.cells {
                #expect(try Self.text(CellHighlighter.html(cell.code)) == cell.code, "\(name) cell \(cell.number)")
            }
        }
    }

    @Test func tokensGetTheirClasses() throws {
        let code = """
            let net = Sequential(Linear(4, 2)) /* block /* nested */ comment */
            print("loss \\(net.loss(1.5e-3)) < 1")  // line comment
            """
        let html = CellHighlighter.html(code)
        #expect(try Self.text(html) == code)
        #expect(try Self.spans(html, "kw") == ["let"])
        #expect(try Self.spans(html, "ty") == ["Sequential", "Linear"])
        #expect(try Self.spans(html, "nu") == ["4", "2", "1.5e-3"])
        #expect(try Self.spans(html, "co") == ["/* block /* nested */ comment */", "// line comment"])
        // The interpolation's code is coloured as code, not as string.
        #expect(try Self.spans(html, "st") == ["\"loss \\(", ") < 1\""])
    }

    @Test func codeTheLexerRejectsIsShownPlain() throws {
        let code = "let s = \"unterminated <b>\n"
        #expect(CellHighlighter.html(code) == "let s = &quot;unterminated &lt;b&gt;\n")
    }
}

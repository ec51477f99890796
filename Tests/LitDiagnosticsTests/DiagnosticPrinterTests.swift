import LitDiagnostics
import LitDocument
import LitLanguage
import Testing

@Suite struct DiagnosticPrinterTests {
    @Test func rendersHeaderSourceCaretAndNotes() {
        let diagnostic = Diagnostic(
            LanguageMessage.undefinedName("conv4"), at: SourceLocation(file: "chapters/resnet.md", line: 57, column: 13),
            notes: [.init(location: SourceLocation(file: "chapters/resnet.md", line: 60, column: 1), text: "in call to 'f' here")],
            sourceLine: "    let y = conv4(x)")
        #expect(DiagnosticPrinter.render(diagnostic) == """
            chapters/resnet.md:57:13: error: cannot find 'conv4' in scope
                let y = conv4(x)
                        ^
            chapters/resnet.md:60:1: note: in call to 'f' here
            """)
    }

    @Test func caretKeepsTabsAndCountsColumnsInBytes() {
        // "\t" is 1 byte and "é" 2, so column 4 is the "x".
        #expect(DiagnosticPrinter.caretLine(under: "\téx", column: 4) == "\t ^")
        #expect(DiagnosticPrinter.caretLine(under: "abc", column: 1) == "^")
    }

    @Test func withoutLocationOrSource() {
        let diagnostic = Diagnostic(DocumentError.unreadableFile(path: "x.md", reason: "No such file or directory"), at: nil)
        #expect(DiagnosticPrinter.render(diagnostic) == "error: cannot read 'x.md': No such file or directory")
        let located = Diagnostic(LanguageMessage.divisionByZero, at: SourceLocation(file: "a.md", line: 1, column: 2))
        #expect(DiagnosticPrinter.render(located, showSource: false) == "a.md:1:2: error: division by zero")
    }
}

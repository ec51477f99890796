import Testing

@Suite struct UnsupportedTests {
    static let cases: [(code: String, feature: String)] = [
        ("protocol Shape { }", "'protocol'"),
        ("struct Point { var x = 0 }", "'struct'"),
        ("enum Color { case red }", "'enum'"),
        ("extension Int { }", "'extension'"),
        ("func id<T>(_ x: T) -> T { x }", "generic functions"),
        ("func f() throws { }", "'throws' functions"),
        ("let n = [\"a\"].map(\\.count)", "key paths; write a closure such as '{ $0.name }'"),
        ("outer: for i in 0..<2 { break }", "labelled statements"),
        ("switch 1 {\ncase is Int: print(1)\ndefault: print(2)\n}", "this kind of case pattern"),
    ]

    @Test(arguments: cases)
    func unsupportedConstructIsAClearError(code: String, feature: String) {
        let error = failure(code)
        #expect(error?.message == .unsupported(feature))
        #expect(error?.message.text.hasPrefix("cell language does not support ") == true)
    }

    /// `import` and `try` are outside the subset too, and say why: the sandbox.
    @Test(arguments: [("import Foundation", "'import'"), ("let x = try f()", "'try'")])
    func sandboxedConstructIsAClearError(code: String, feature: String) {
        let error = failure(code)
        #expect(error?.message == .sandboxed(feature))
        #expect(error?.message.text.hasPrefix("cell language does not support \(feature): cells run in a sandbox") == true)
    }

    @Test func genericTypeAnnotation() {
        #expect(failure("let xs: Array<Int> = []")?.message == .unsupported("generic types"))
    }
}

import Foundation
import LitDocument
import LitLanguage
import LitLibrary
import LitNN
import LitTestSupport
import Testing

@Suite struct ErrorsTests {
    // MARK: Reported before the cell runs

    /// Cell 1 sets `n`; the failing cell changes it first. Cell 3 proves nothing ran.
    private func expectNothingRan(_ failing: String, _ expected: LanguageMessage, at needle: String) throws {
        let interpreter = Interpreter(seed: 0)
        _ = try interpreter.run("var n = 0", cell: 1)
        #expect(throws: LanguageError.self) { _ = try interpreter.run(failing, cell: 2) }
        do {
            _ = try interpreter.run(failing, cell: 2)
        } catch {
            #expect(error.message == expected)
            #expect(error.offset == failing.utf8Offset(of: needle))
            #expect(error.cell == 2)
        }
        #expect(interpreter.output == "")
        #expect(try interpreter.run("n", cell: 3).text == "0\n")
    }

    @Test func undefinedNameBeforeRunning() throws {
        try expectNothingRan("n = 1\nprint(\"ran\")\nprint(missing)", .undefinedName("missing"), at: "missing")
    }

    @Test func undefinedNameInsideFunctionBody() throws {
        try expectNothingRan("n = 1\nfunc f() -> Int { return nope + 1 }", .undefinedName("nope"), at: "nope")
    }

    @Test func wrongLabelsBeforeRunning() throws {
        try expectNothingRan("func f(a: Int) -> Int { a }\nn = 1\nprint(\"ran\")\nf(b: 2)",
                             .wrongArgumentLabels(callee: "f", expected: "f(a:)", found: "f(b:)"), at: "f(b:")
    }

    @Test func wrongArgumentCountBeforeRunning() throws {
        try expectNothingRan("func f(_ a: Int) -> Int { a }\nn = 1\nprint(\"ran\")\nf(1, 2)",
                             .wrongArgumentCount(callee: "f", expected: 1, found: 2), at: "f(1")
    }

    @Test func wrongInitializerLabelsBeforeRunning() throws {
        try expectNothingRan("class P { init(x: Int) {} }\nn = 1\nlet p = P(y: 1)",
                             .wrongArgumentLabels(callee: "P", expected: "P(x:)", found: "P(y:)"), at: "P(y")
    }

    @Test func wrongLabelsOfBuiltinsBeforeRunning() throws {
        try expectNothingRan("n = 1\nprint(\"ran\", sep: \"\")",
                             .wrongArgumentLabels(callee: "print", expected: "print(_:separator:terminator:)",
                                                  found: "print(_:sep:)"), at: "print")
        try expectNothingRan("n = 1\nfor i in stride(from: 0, until: 4, by: 1) {}",
                             .wrongArgumentLabels(callee: "stride", expected: "stride(from:to:by:)' or 'stride(from:through:by:)",
                                                  found: "stride(from:until:by:)"), at: "stride")
        try expectNothingRan("n = 1\nlet r = sqrt(2.0, 3.0)", .wrongArgumentCount(callee: "sqrt", expected: 1, found: 2), at: "sqrt")
    }

    @Test func aLocalShadowingABuiltinIsNotCheckedAgainstIt() throws {
        #expect(try output("func g(_ print: (Int, Int) -> Int) -> Int { print(1, 2) }\ng(+)") == "3\n")
    }

    @Test func undefinedSuperclass() {
        #expect(failure("class A: Missing {}")?.message == .undefinedName("Missing"))
        #expect(failure("class Modle {}\nclass A: Model2 {}")?.message == .undefinedName("Model2", suggestion: "Modle"))
    }

    @Test func typosGetTheClosestName() {
        #expect(failure("let net = Sequential(Linear(2, 3))\nprint(nett)")?.message == .undefinedName("nett", suggestion: "net"))
        #expect(failure("let x = Linaer(2, 3)")?.message == .undefinedName("Linaer", suggestion: "Linear"))
        #expect(failure("let net = Linear(2, 3)\nnet.paramters()")?.message
                == .undefinedMember(type: "Linear", member: "paramters", suggestion: "parameters"))
        #expect(failure("let t = ones(2)\nt.shap")?.message == .undefinedMember(type: "Tensor", member: "shap", suggestion: "shape"))
        #expect(failure("let t = ones(2)\nt.weights")?.message == .undefinedMember(type: "Tensor", member: "weights"))
        let label = failure("let c = Conv2d(1, 6, kernelSze: 5)")?.message
        #expect(label == .wrongArgumentLabels(callee: "Conv2d", expected: "Conv2d(_:_:kernelSize:stride:padding:bias:)",
                                              found: "Conv2d(_:_:kernelSze:)", suggestion: "kernelSize"))
        #expect(label?.description.hasSuffix("; did you mean 'kernelSize:'?") == true)
    }

    // MARK: Syntax errors

    @Test func syntaxErrorOffsets() {
        let unclosed = "let x = (1 + 2"
        #expect(failure(unclosed)?.message == .expected("',' or ')'", found: "end of cell"))
        #expect(failure(unclosed)?.offset == unclosed.utf8.count)

        // "found end of cell" points after the last token, not past trailing lines and comments.
        let unclosedArray = "let x = [1, 2\n\n// note\n"
        #expect(failure(unclosedArray)?.offset == unclosedArray.utf8Offset(of: "2")! + 1)

        let missingName = "let = 3"
        #expect(failure(missingName)?.offset == missingName.utf8Offset(of: "="))

        let twoStatements = "let a = 1 let b = 2"
        #expect(failure(twoStatements)?.offset == twoStatements.utf8Offset(of: "let", occurrence: 2))

        let badCharacter = "let a = \"é\"\nlet b = a ' 2"
        #expect(failure(badCharacter)?.message == .unexpectedCharacter("'"))
        #expect(failure(badCharacter)?.offset == badCharacter.utf8Offset(of: "'"))

        #expect(failure("let s = \"open")?.message == .unterminatedString)
        #expect(failure("/* open /* nested */")?.message == .unterminatedComment)
    }

    // MARK: Runtime errors

    @Test func runtimeErrorAtFailingExpression() {
        let code = "let xs = [1, 2]\nprint(\"before\")\nlet y = xs[5]"
        let error = failure(code)
        #expect(error?.message == .indexOutOfRange(index: 5, count: 2))
        #expect(error?.offset == code.utf8Offset(of: "[5]"))
        #expect(error?.trace.isEmpty == true)
    }

    @Test func runtimeErrorInsideFunctionsCarriesTrace() {
        let code = """
        func inner(_ d: Int) -> Int { 10 / d }
        func outer() -> Int { inner(0) }
        let r = outer()
        """
        let error = failure(code)
        #expect(error?.message == .divisionByZero)
        #expect(error?.offset == code.utf8Offset(of: "/"))
        #expect(error?.trace == [
            .init(function: "inner", cell: 1, offset: code.utf8Offset(of: "inner(0)")!),
            .init(function: "outer", cell: 1, offset: code.utf8Offset(of: "outer()", occurrence: 2)!),
        ])
    }

    @Test func runtimeErrorInFunctionFromEarlierCell() {
        let declaration = "func check(_ x: Int) {\n    precondition(x > 0, \"x must be positive\")\n}"
        let call = "print(1)\ncheck(-1)"
        let error = failure(declaration, call)
        #expect(error?.message == .preconditionFailed("x must be positive"))
        #expect(error?.cell == 1)
        #expect(error?.offset == declaration.utf8Offset(of: "precondition"))
        #expect(error?.trace == [.init(function: "check", cell: 2, offset: call.utf8Offset(of: "check")!)])
    }

    @Test func errorInModuleForwardNamesTheMethod() {
        let code = """
        class Fail: Module {
            override func forward(_ x: Int) -> Int { fatalError("boom") }
        }
        let m = Fail()
        m(1)
        """
        let error = failure(code)
        #expect(error?.message == .fatalError("boom"))
        #expect(error?.trace.first?.function == "Fail.forward")
    }

    @Test func fatalError() {
        #expect(failure("fatalError(\"stop\")")?.message == .fatalError("stop"))
    }

    @Test func runawayRecursionBecomesAnError() {
        let result = LargeStackThread.run { () -> LanguageError? in
            failure("func f(_ n: Int) -> Int { f(n + 1) }\nf(0)")
        }
        guard case .recursionTooDeep? = result?.message else {
            Issue.record("expected recursionTooDeep, got \(String(describing: result))")
            return
        }
        #expect(result?.trace.count ?? 0 > 100)
    }

    @Test func infiniteLoopTimesOut() {
        let interpreter = ChapterSession(seed: 0)
        let start = Date()
        #expect {
            _ = try interpreter.run("var i = 0\nwhile true { i += 1 }", cell: 4, timeout: 0.2)
        } throws: { error in
            (error as? LanguageError)?.message == .timedOut(cell: 4, seconds: 0.2)
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func interpreterIsUsableAfterAnError() throws {
        let interpreter = ChapterSession(seed: 0)
        _ = try? interpreter.run("let x = 1\nfatalError(\"x\")", cell: 1)
        #expect(try interpreter.run("x + 1", cell: 2).text == "2\n")
    }
}

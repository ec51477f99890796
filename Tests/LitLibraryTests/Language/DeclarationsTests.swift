import Testing

@Suite struct DeclarationsTests {
    @Test func letAndVarWithAnnotations() throws {
        let code = """
        let a: Int = 3
        var b: Double = 1
        b += 0.5
        let s: String = "hi"
        var flags: [Bool] = [true]
        flags.append(false)
        print(a, b, s, flags)
        """
        #expect(try output(code) == "3 1.5 hi [true, false]\n")
    }

    @Test func tupleDestructuring() throws {
        let code = """
        func minMax(_ xs: [Int]) -> (Int, Int) { (xs.min()!, xs.max()!) }
        let (lo, hi) = minMax([3, 1, 4, 1, 5])
        let (a, (b, _)) = (1, (2, 3))
        print(lo, hi, a, b)
        """
        #expect(try output(code) == "1 5 1 2\n")
    }

    @Test func functionLabelsUnderscoreAndDefaults() throws {
        let code = """
        func greet(_ name: String, with greeting: String = "Hello", times: Int = 1) -> String {
            var parts: [String] = []
            for _ in 0..<times { parts.append("\\(greeting), \\(name)") }
            return parts.joined(separator: "; ")
        }
        print(greet("Ann"))
        print(greet("Bo", with: "Hi", times: 2))
        print(greet("Cy", times: 2))
        """
        #expect(try output(code) == "Hello, Ann\nHi, Bo; Hi, Bo\nHello, Cy; Hello, Cy\n")
    }

    @Test func recursion() throws {
        let code = """
        func factorial(_ n: Int) -> Int {
            if n <= 1 { return 1 }
            return n * factorial(n - 1)
        }
        factorial(10)
        """
        #expect(try output(code) == "3628800\n")
    }

    @Test func returnOfIntegerLiteralFromDoubleFunction() throws {
        let code = """
        func f(_ flag: Bool) -> Double {
            if flag { return 1 }
            return 2.5
        }
        print(f(true), f(false))
        """
        #expect(try output(code) == "1.0 2.5\n")
    }

    @Test func declarationsPersistAcrossCells() throws {
        let texts = try outputs("let x = 2\nfunc double(_ n: Int) -> Int { n * 2 }", "double(x)")
        #expect(texts == ["", "4\n"])
    }

    @Test func redeclarationInLaterCellReplaces() throws {
        let texts = try outputs(
            "let x = 1\nfunc f() -> Int { 1 }\nclass A { var v = 1 }",
            "let x = \"now a string\"\nfunc f() -> Int { 2 }\nclass A { var v = 2 }",
            "print(x, f(), A().v)")
        #expect(texts[2] == "now a string 2 2\n")
    }

    @Test func uninitializedLetAssignedOnce() throws {
        #expect(try output("let x: Int\nif true { x = 1 } else { x = 2 }\nprint(x)") == "1\n")
    }

    @Test func typedVariableKeepsItsType() throws {
        #expect(try output("var d: Double\nd = 1\nprint(d)") == "1.0\n")
    }
}

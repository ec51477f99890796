import Testing

@Suite struct LiteralsTests {
    @Test func integers() throws {
        #expect(try output("print(42, -7, 1_000_000)") == "42 -7 1000000\n")
    }

    @Test func floatingPointPrintsAsSwiftDoes() throws {
        #expect(try output("print(1e-5)") == "1e-05\n")
        #expect(try output("print(2.5, 1.0, 0.1 + 0.2)") == "2.5 1.0 0.30000000000000004\n")
        #expect(try output("print(1e16, 123456.0)") == "1e+16 123456.0\n")
    }

    @Test func booleans() throws {
        #expect(try output("print(true, false)") == "true false\n")
    }

    @Test func stringsWithInterpolation() throws {
        #expect(try output(#"let x = 3; print("x = \(x), twice \(x * 2), \("inner")")"#) == "x = 3, twice 6, inner\n")
        #expect(try output(#"print("tab\tquote\" backslash\\ \u{41}")"#) == "tab\tquote\" backslash\\ A\n")
    }

    @Test func interpolationUsesDescription() throws {
        #expect(try output(#"print("\([1.0, 2.5]) \(["a"]) \((1, "b"))")"#) == "[1.0, 2.5] [\"a\"] (1, \"b\")\n")
    }

    @Test func arrays() throws {
        #expect(try output("print([1.0, 2.5])") == "[1.0, 2.5]\n")
        #expect(try output(#"print(["a", "b"])"#) == "[\"a\", \"b\"]\n")
        #expect(try output("print([1, 2.5])") == "[1.0, 2.5]\n")
        #expect(try output("print([[1, 2], [3]])") == "[[1, 2], [3]]\n")
        #expect(try output("let empty: [Int] = []\nprint(empty, empty.isEmpty)") == "[] true\n")
    }

    @Test func tuples() throws {
        #expect(try output("print((1, 2))") == "(1, 2)\n")
        #expect(try output(#"print((1, "a", 2.0))"#) == "(1, \"a\", 2.0)\n")
        #expect(try output("let t = (x: 1, y: 2)\nprint(t, t.x, t.1)") == "(x: 1, y: 2) 1 2\n")
    }

    @Test func nilLiteral() throws {
        #expect(try output("let x: Int? = nil\nprint(x == nil)") == "true\n")
    }

    @Test func comments() throws {
        let code = """
        // a line comment
        let a = 1 // trailing
        /* a block /* nested */ still comment */
        let b = /* inline */ 2
        print(a + b)
        """
        #expect(try output(code) == "3\n")
    }
}

import Testing
@testable import Lit

@Suite struct StringsTests {
    @Test func printSeparatorAndTerminator() throws {
        #expect(try output(#"print(1, 2, 3, separator: "-", terminator: "!\n")"#) == "1-2-3!\n")
        #expect(try output(#"print("a", terminator: "")"#) == "a")
        #expect(try output("print()") == "\n")
    }

    @Test func joinedAndStringConversion() throws {
        #expect(try output(#"print(["a", "b", "c"].joined(separator: ", "))"#) == "a, b, c\n")
        #expect(try output(#"print([1, 2].map { String($0) }.joined(separator: "+"), String(2.5), String(true))"#) == "1+2 2.5 true\n")
    }

    @Test func concatenationAndComparison() throws {
        let code = """
        var s = "ab"
        s += "c"
        print(s + "d", s.count, s == "abc", "a" < "b")
        """
        #expect(try output(code) == "abcd 3 true true\n")
    }

    @Test func printOfNestedValues() throws {
        #expect(try output(#"print([(1, "a")], [[0.5]], ("x", [1]))"#) == "[(1, \"a\")] [[0.5]] (\"x\", [1])\n")
    }
}

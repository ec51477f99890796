import Testing

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

    @Test func stringFormat() throws {
        #expect(try output(#"print(String(format: "acc %.3f loss %6.2f n=%d |%-4@| %% %e", 0.87654, 3.14159, 42, "ab", 1234.5))"#)
                == "acc 0.877 loss   3.14 n=42 |ab  | % 1.234500e+03\n")
        let mismatch = failure(#"print(String(format: "%d", 2.5))"#)
        #expect(mismatch?.message == .formatArgumentMismatch(conversion: "d", type: "Double"))
        #expect(mismatch?.message.description == "format conversion '%d' does not take a value of type 'Double'")
        let tooFew = failure(#"print(String(format: "%d %d", 1))"#)
        #expect(tooFew?.message == .tooFewFormatArguments(1))
        #expect(tooFew?.message.description == "format string has more conversions than arguments (1)")
    }

    @Test func repeatingAndArrayConstructors() throws {
        #expect(try output(#"print(String(repeating: "-", count: 3), Array(0..<3), Array(repeating: 1.5, count: 2))"#)
                == "--- [0, 1, 2] [1.5, 1.5]\n")
    }
}

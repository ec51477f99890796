import Foundation
import LitDiagnostics
import LitLibrary
import LitTestSupport
import Testing

/// Every numeric conversion and arithmetic built-in that Swift would stop with a runtime
/// trap is an error at its position in the cell; none may crash litrun.
@Suite struct NumericTrapTests {
    /// The error the cell raises, which must sit at the first `at` in the code.
    private func expectError(_ code: String, _ message: String, at needle: String,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let error = try #require(failure(code), "no error from \(code)", sourceLocation: sourceLocation)
        #expect(error.message.text == message, sourceLocation: sourceLocation)
        #expect(error.offset == code.utf8Offset(of: needle), sourceLocation: sourceLocation)
    }

    private func outOfRange(_ value: String) -> String {
        "Double value \(value) cannot be converted to Int because it is outside the representable range"
    }

    @Test func doublesPastTheIntRangeAreErrors() throws {
        try expectError("print(Int(9.25e18))", outOfRange("9.25e+18"), at: "Int(")
        try expectError("print(Int(-9.25e18))", outOfRange("-9.25e+18"), at: "Int(")
        // 2^63 is the first Double past Int.max; 2^63 + 1 rounds to it.
        try expectError("let x = 9223372036854775808.0\nprint(Int(x))", outOfRange("9.223372036854776e+18"), at: "Int(")
        try expectError("print(Int(Double.infinity))", outOfRange("inf"), at: "Int(")
        try expectError("print(Int(-Double.infinity))", outOfRange("-inf"), at: "Int(")
        try expectError("print(Int(Double.nan))", outOfRange("nan"), at: "Int(")
    }

    @Test func doublesInsideTheIntRangeTruncate() throws {
        // -2^63 is exactly Int.min; the largest Double below 2^63 is 2^63 - 1024.
        #expect(try output("print(Int(-9223372036854775808.0), Int(9223372036854774784.0))")
            == "-9223372036854775808 9223372036854774784\n")
        #expect(try output("print(Int(2.9), Int(-2.9), Int(-0.5))") == "2 -2 0\n")
    }

    @Test func arithmeticAtTheIntLimits() throws {
        let overflow = { (operation: String) in "arithmetic overflow in '\(operation)'" }
        try expectError("let x = Int.max\nprint(x * 2)", overflow("9223372036854775807 * 2"), at: "*")
        try expectError("let x = Int.min\nprint(x * -1)", overflow("-9223372036854775808 * -1"), at: "*")
        try expectError("let x = Int.min\nprint(-x)", overflow("--9223372036854775808"), at: "-x")
        try expectError("var x = Int.max\nx += 1", overflow("9223372036854775807 + 1"), at: "x +=")
        try expectError("var x = Int.min\nx -= 1", overflow("-9223372036854775808 - 1"), at: "x -=")
        try expectError("var x = Int.min\nx *= -1", overflow("-9223372036854775808 * -1"), at: "x *=")
        try expectError("var x = Int.min\nx /= -1", overflow("-9223372036854775808 / -1"), at: "x /=")
        try expectError("print(Int.min % -1)", overflow("-9223372036854775808 % -1"), at: "%")
        #expect(try output("var x = Int.max\nx -= 1\nx += 1\nprint(x, Int.min + 1, -Int.max, Int.max * 1)")
            == "9223372036854775807 -9223372036854775807 -9223372036854775807 9223372036854775807\n")
    }

    @Test func absoluteValueAndMagnitudeOfIntMin() throws {
        try expectError("print(abs(Int.min))", "arithmetic overflow in 'abs(-9223372036854775808)'", at: "abs")
        try expectError("print(Int.min.magnitude)", "arithmetic overflow in '-9223372036854775808.magnitude'",
                        at: "magnitude")
        #expect(try output("print(abs(-Int.max), (-5).magnitude, Int.max.magnitude)")
            == "9223372036854775807 5 9223372036854775807\n")
    }

    @Test func formatWidthsAndPrecisionsAreBounded() throws {
        let limit = { (digits: String) in "format width or precision '\(digits)' is past the string limit of 10,000,000" }
        // Foundation's formatter traps on the first and allocates without end on the second.
        try expectError(#"print(String(format: "%.99999999999f", 1.0))"#, limit("99999999999"), at: "String(")
        try expectError(#"print(String(format: "%9999999999s", "a"))"#, limit("9999999999"), at: "String(")
        try expectError(#"print(String(format: "%-20000000d", 1))"#, limit("20000000"), at: "String(")
        try expectError(#"print(String(format: "%9000000d%9000000d", 1, 2))"#,
                        "String(format:) would be longer than 10,000,000 bytes", at: "String(")
        #expect(try output(#"print(String(format: "%08.3f|%-4d|%5s", 3.14159, 7, "ab"))"#) == "0003.142|7   |   ab\n")
    }

    @Test func negativeLengthsForPrefixAndDrop() throws {
        try expectError("print([1, 2, 3].prefix(-1))", "can't take a prefix of negative length (-1)", at: "prefix")
        try expectError("print([1, 2, 3].suffix(-2))", "can't take a suffix of negative length (-2)", at: "suffix")
        try expectError("print([1, 2, 3].dropFirst(-1))", "can't drop a negative number of elements (-1)", at: "dropFirst")
        try expectError("print([1, 2, 3].dropLast(Int.min))",
                        "can't drop a negative number of elements (-9223372036854775808)", at: "dropLast")
        #expect(try output("print([1, 2, 3].prefix(5), [1, 2, 3].dropLast(0), [1, 2, 3].suffix(1))") == "[1, 2, 3] [1, 2, 3] [3]\n")
    }

    @Test func hugeTimeLimitsDoNotOverflowTheDeadline() throws {
        let interpreter = ChapterSession(seed: 0)
        #expect(try interpreter.run("print(1)", cell: 1, timeout: 1e300).text == "1\n")
        #expect(try interpreter.run("print(2)", cell: 2, timeout: .greatestFiniteMagnitude).text == "2\n")
    }
}

import LitTestSupport
import Testing

@Suite struct NumbersTests {
    @Test func integerDivisionTruncatesTowardZero() throws {
        #expect(try output("print(7 / 2, -7 / 2, 7 % 3, -7 % 3)") == "3 -3 1 -1\n")
    }

    @Test func precedence() throws {
        #expect(try output("print(1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 2 * 3 + 4 * 5, -2 * 3)") == "7 9 3 26 -6\n")
        #expect(try output("print(true || false && false, !true || true, 1 < 2 && 3 > 4 || 5 == 5)") == "true true true\n")
        #expect(try output("print(1 + 2 == 3, 2 * 3 > 5 && !(1 == 2))") == "true true\n")
    }

    @Test func compoundAssignment() throws {
        #expect(try output("var x = 10\nx += 5\nx -= 3\nx *= 2\nx /= 5\nx") == "4\n")
        #expect(try output("var y = 1.0\ny += 1\ny *= 3\ny /= 4\ny -= 0.5\ny") == "1.0\n")
    }

    @Test func literalsAdaptToDouble() throws {
        let code = """
        let momentum = 0.9
        let x = 3.0
        let d: Double = 1
        let xs: [Double] = [1, 2]
        print(1.0 - momentum, 2 * x, x / 2, d, xs, 1 + x)
        """
        #expect(try output(code) == "0.09999999999999998 6.0 1.5 1.0 [1.0, 2.0] 4.0\n")
    }

    @Test func literalArgumentsAdaptToDoubleParameters() throws {
        #expect(try output("func half(_ x: Double) -> Double { x / 2 }\nhalf(3)") == "1.5\n")
    }

    @Test func mixingIntAndDoubleVariablesIsAnError() {
        let code = "let n = 2\nlet x = 1.5\nlet y = n * x"
        let error = failure(code)
        #expect(error?.message == .typeMismatch(operation: "*", lhs: "Int", rhs: "Double"))
        #expect(error?.message.text == "binary operator '*' cannot be applied to operands of type 'Int' and 'Double'")
        #expect(error?.offset == code.utf8Offset(of: "*"))
    }

    @Test func assigningIntVariableToDoubleVariableIsAnError() {
        #expect(failure("var x = 0.5\nlet n = 1\nx = n")?.message == .cannotConvert(from: "Int", to: "Double"))
        #expect(failure("var x = 0.5\nlet n = 1\nx += n")?.message == .typeMismatch(operation: "+", lhs: "Double", rhs: "Int"))
    }

    @Test func conversions() throws {
        #expect(try output("let n = 3\nlet x = 3.99\nprint(Double(n), Int(x), Int(-x), Double(n) * x)") == "3.0 3 -3 11.97\n")
    }

    @Test func overflowIsAnError() {
        let code = "let big = 9223372036854775807\nlet y = big + 1"
        let error = failure(code)
        #expect(error?.message == .arithmeticOverflow("9223372036854775807 + 1"))
        #expect(error?.offset == code.utf8Offset(of: "+"))
        #expect(failure("let z = 0\nprint(1 / z)")?.message == .divisionByZero)
    }

    @Test func minMaxAbs() throws {
        #expect(try output("print(min(3, 1, 2), max(2, 5), abs(-4), abs(-2.5), max(2.5, 1), min(1, 0.5))") == "1 5 4 2.5 2.5 0.5\n")
    }

    @Test func doubleFormatting() throws {
        #expect(try output("print(1.0 / 3.0, 100.0, -0.0, 1e-7 * 10)") == "0.3333333333333333 100.0 -0.0 1e-06\n")
    }
}

@Suite struct LiteralAdaptationTests {
    @Test func staticMembersOfNumberTypes() throws {
        #expect(try output("print(Double.pi, Int.max, Double.infinity, 1.0 / 0.0 == Double.infinity)")
                == "3.141592653589793 9223372036854775807 inf true\n")
    }

    @Test func literalExpressionsAdaptAsAWhole() throws {
        // Swift types every literal here as Double: (1 + 2) * 2.5 and 1 / 2 * 2.5 = 0.5 * 2.5.
        #expect(try output("let x = 2.5\nprint((1 + 2) * x, -2 * x, 1 / 2 * x, x * (3 - 1))") == "7.5 -5.0 1.25 5.0\n")
        // As Ints, the same literals divide as integers.
        #expect(try output("print(1 / 2 * 4)") == "0\n")
    }

    @Test func reduceWithIntegerLiteralOverDoubles() throws {
        #expect(try output("print([0.5, 1.5].reduce(0, +), [1, 2].reduce(0, +))") == "2.0 3\n")
    }

    @Test func minMaxWithLiteralAndDouble() throws {
        #expect(try output("let x = -1.5\nprint(max(0, x), min(x, 0))") == "0.0 -1.5\n")
    }

    @Test func ternaryOfLiterals() throws {
        #expect(try output("let t = true\nlet a = t ? 1 : 0.5\nlet b: Double = t ? 1 : 0\nprint(a, b)") == "1.0 1.0\n")
    }
}

import Testing

@Suite struct ControlFlowTests {
    @Test func ifElseIfElse() throws {
        let code = """
        func sign(_ n: Int) -> String {
            if n < 0 { return "negative" } else if n == 0 { return "zero" } else { return "positive" }
        }
        print(sign(-3), sign(0), sign(8))
        """
        #expect(try output(code) == "negative zero positive\n")
    }

    @Test func ifLetAndGuardLet() throws {
        let code = """
        func describe(_ x: Int?) -> String {
            guard let x = x else { return "none" }
            return "got \\(x)"
        }
        let maybe: Int? = 4
        if let maybe { print("shorthand", maybe) }
        if let value = maybe, value > 3 { print("bound", value) } else { print("no") }
        print(describe(nil), describe(5))
        """
        #expect(try output(code) == "shorthand 4\nbound 4\nnone got 5\n")
    }

    @Test func guardElse() throws {
        let code = """
        func half(_ n: Int) -> Int {
            guard n % 2 == 0 else { return -1 }
            return n / 2
        }
        print(half(10), half(7))
        """
        #expect(try output(code) == "5 -1\n")
    }

    @Test func forInOverRanges() throws {
        #expect(try output("var s = \"\"\nfor i in 0..<4 { s += String(i) }\nfor i in 1...3 { s += String(i) }\nprint(s)") == "0123123\n")
        #expect(try output("for i in 0..<0 { print(i) }\nprint(\"done\")") == "done\n")
    }

    @Test func forInOverArraysEnumeratedAndZip() throws {
        let code = """
        for name in ["a", "b"] { print(name, terminator: " ") }
        print()
        for (i, name) in ["x", "y"].enumerated() { print(i, name) }
        for (n, c) in zip([1, 2, 3], ["p", "q"]) { print(n, c) }
        """
        #expect(try output(code) == "a b \n0 x\n1 y\n1 p\n2 q\n")
    }

    @Test func stride() throws {
        #expect(try output("for i in stride(from: 0, to: 10, by: 3) { print(i, terminator: \",\") }") == "0,3,6,9,")
        #expect(try output("for x in stride(from: 1.0, to: 0.0, by: -0.5) { print(x) }") == "1.0\n0.5\n")
    }

    @Test func whileBreakContinueReturn() throws {
        let code = """
        var i = 0
        var odds: [Int] = []
        while true {
            i += 1
            if i > 9 { break }
            if i % 2 == 0 { continue }
            odds.append(i)
        }
        func firstOver(_ limit: Int, in xs: [Int]) -> Int {
            for x in xs { if x > limit { return x } }
            return -1
        }
        print(odds, firstOver(4, in: odds), firstOver(100, in: odds))
        """
        #expect(try output(code) == "[1, 3, 5, 7, 9] 5 -1\n")
    }

    @Test func nestedLoopBreakLeavesInnerOnly() throws {
        let code = """
        var pairs = 0
        for i in 0..<3 {
            for j in 0..<3 {
                if j > i { break }
                pairs += 1
            }
        }
        pairs
        """
        #expect(try output(code) == "6\n")
    }

    @Test func preconditionAndAssertPass() throws {
        #expect(try output("precondition(1 < 2)\nassert(true, \"fine\")\nprint(\"ok\")") == "ok\n")
    }

    @Test func preconditionAndAssertFail() {
        #expect(failure("precondition(1 > 2, \"bad\")")?.message == .preconditionFailed("bad"))
        #expect(failure("assert(false)")?.message == .assertionFailed(""))
    }

    @Test func ternary() throws {
        #expect(try output("let n = 5\nprint(n > 3 ? \"big\" : \"small\", n % 2 == 0 ? [0] : [0, 2, 3])") == "big [0, 2, 3]\n")
    }

    @Test func whereClause() throws {
        #expect(try output("for i in 0..<6 where i % 2 == 1 { print(i) }") == "1\n3\n5\n")
    }

    @Test func switchOverValuesRangesBindingsAndTuples() throws {
        let code = """
        func kind(_ n: Int) -> String {
            switch n {
            case 0: return "zero"
            case 1, 2: return "small"
            case 3..<10: return "medium"
            case let big where big > 100: return "huge \\(big)"
            default: return "other"
            }
        }
        print([0, 2, 5, 50, 500].map { kind($0) })
        for point in [(0, 0), (1, 0), (3, 4)] {
            switch point {
            case (0, 0): print("origin")
            case (let x, 0): print("x axis", x)
            case (_, let y):
                if y > 3 { break }
                print("never")
            }
        }
        switch 0.5 {
        case 0.5: print("half")
        default: break
        }
        """
        #expect(try output(code) == "[\"zero\", \"small\", \"medium\", \"other\", \"huge 500\"]\norigin\nx axis 1\nhalf\n")
    }

    @Test func switchWithoutAMatchingCaseIsAnError() {
        let unmatched = failure("switch 7 {\ncase 1: print(1)\n}")
        #expect(unmatched?.message == .noSwitchCaseMatched("7"))
        #expect(unmatched?.message.description == "no case of the switch matched 7; add a 'default' case")
        #expect(failure("switch 1 {\ncase 1:\ncase 2: print(2)\n}")?.message
                == .misplaced("a switch case must contain at least one statement; use 'break'"))
    }
}

import Testing

@Suite struct ClosuresTests {
    @Test func namedParameterClosure() throws {
        #expect(try output("let double = { x in x * 2 }\ndouble(21)") == "42\n")
        #expect(try output("let add = { (a: Int, b: Int) -> Int in a + b }\nadd(2, 3)") == "5\n")
    }

    @Test func dollarArgumentsAndTrailingClosures() throws {
        let code = """
        let xs = [1, 2, 3, 4]
        print(xs.map { $0 * $0 }, xs.filter { $0 % 2 == 0 }, xs.reduce(0) { $0 + $1 })
        print(xs.map({ x in x + 1 }))
        """
        #expect(try output(code) == "[1, 4, 9, 16] [2, 4] 10\n[2, 3, 4, 5]\n")
    }

    @Test func operatorsAsFunctions() throws {
        #expect(try output("print([1, 2, 3, 4].reduce(0, +), [1, 2, 3, 4].reduce(1, *))") == "10 24\n")
        #expect(try output("print([3, 1, 2].sorted(by: >))") == "[3, 2, 1]\n")
    }

    @Test func closuresCaptureVariablesByReference() throws {
        let code = """
        var count = 0
        let bump = { count += 1 }
        bump()
        bump()
        print(count)
        func makeCounter() -> () -> Int {
            var n = 0
            return { n += 1; return n }
        }
        let next = makeCounter()
        _ = next()
        print(next(), next())
        """
        #expect(try output(code) == "2\n2 3\n")
    }

    @Test func arrayMethods() throws {
        let code = """
        var xs: [Int] = []
        print(xs.isEmpty, xs.count, xs.last == nil)
        xs.append(5)
        xs.append(7)
        xs += [9]
        print(xs, xs.count, xs.last!, xs.first!, xs.isEmpty)
        xs[0] = 1
        xs[1] += 10
        print(xs, xs[1])
        """
        #expect(try output(code) == "true 0 true\n[5, 7, 9] 3 9 5 false\n[1, 17, 9] 17\n")
    }

    @Test func mapOverRangeInsideInit() throws {
        let code = """
        class Stack {
            let sizes: [Int]
            init(_ n: Int, width: Int) {
                sizes = (0..<n).map { i in width + i * 2 }
            }
        }
        Stack(3, width: 4).sizes
        """
        #expect(try output(code) == "[4, 6, 8]\n")
    }

    @Test func functionsAsValues() throws {
        let code = """
        func apply(_ f: (Int) -> Int, to x: Int) -> Int { f(x) }
        func inc(_ x: Int) -> Int { x + 1 }
        print(apply(inc, to: 1), apply({ $0 * 10 }, to: 2))
        """
        #expect(try output(code) == "2 20\n")
    }

    @Test func firstAndLastWhere() throws {
        #expect(try output("let xs = [3, 8, 12, 5]\nprint(xs.first(where: { $0 > 4 }) ?? -1, xs.last { $0 > 4 } ?? -1, xs.first { $0 > 99 } ?? -1)")
                == "8 5 -1\n")
    }

    @Test func oneSidedRanges() throws {
        let code = """
        let xs = [1, 2, 3, 4]
        print(xs[2...], xs[..<2], xs[...1], 3..., ..<5)
        for i in 5... { if i > 6 { break }; print(i) }
        switch -4 {
        case ..<0: print("negative")
        default: print("other")
        }
        """
        #expect(try output(code) == "[3, 4] [1, 2] [1, 2] 3... ..<5\n5\n6\nnegative\n")
    }

    @Test func rangesPrintAsWritten() throws {
        #expect(try output("print(1...3, 0..<2, (1...3).count)") == "1...3 0..<2 3\n")
        #expect(try output("print((1...3).upperBound, (1..<3).upperBound, (1...3).lowerBound)") == "3 3 1\n")
    }
}

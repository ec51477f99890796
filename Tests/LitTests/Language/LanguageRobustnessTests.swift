import Foundation
import Testing
@testable import Lit

@Suite struct LanguageRobustnessTests {
    static let programs = [
        """
        func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
        var total = 0.0
        for (i, x) in [1.5, 2.5].enumerated() where i >= 0 { total += x * Double(i) }
        print(fib(8), total, "t=\\(total)")
        """,
        """
        class Layer: Module {
            var scale: Double = 2
            let name: String?
            init(_ name: String? = nil) { self.name = name; super.init() }
            override func forward(_ x: Double) -> Double { isTraining ? x * scale : x }
        }
        let layers = [Layer("a"), Layer()]
        let out = layers.map { $0(1.5) }.reduce(0, +)
        guard let first = layers.first?.name else { fatalError() }
        print(out, first, layers.last?.name ?? "none")
        """,
        """
        var xs: [Int] = []
        var i = 0
        while i < 5 { i += 1; if i == 2 { continue }; xs.append(i * i) }
        let (a, b) = (xs.count, xs.isEmpty ? -1 : xs[0])
        /* block /* nested */ */ print(stride(from: 0, to: 6, by: 2).map { String($0) }.joined(separator: ","), a, b)
        let m = min(a, b) + max(1, 2) * abs(-3) - (a > b ? 1 : 0)
        m
        """,
    ]

    static let punctuation = ["(", ")", "{", "}", "[", "]", ",", ":", ".", "?", "!", "=", "+", "-", "*", "/", "\"",
                              "\\(", "$0", "..<", "...", "->", "in", "let", "func", "class", "\n", "//", "/*", "*/"]

    /// Errors are fine; the test passes when the process survives every input.
    @Test func parserAndInterpreterSurviveRandomInput() {
        // Mutated programs may recurse, so run them with the runner's large stack.
        let runs = LargeStackThread.run { () -> Int in
            var random = SplitMix64(seed: 0xC311_F022)
            var runs = 0
            for _ in 0..<2000 {
                Self.exercise(Self.randomBytes(&random))
                Self.exercise(Self.mutate(Self.programs[random.below(Self.programs.count)], &random))
                runs += 2
            }
            return runs
        }
        #expect(runs == 4000)
    }

    static let deeplyNested = [
            String(repeating: "(", count: 10_000),
            String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
            String(repeating: "[", count: 10_000),
            String(repeating: "{", count: 10_000),
            String(repeating: "-", count: 10_000) + "1",
            "let x: " + String(repeating: "[", count: 10_000) + "Int",
            "let " + String(repeating: "(", count: 10_000) + "a",
            String(repeating: "\"\\(", count: 10_000),
            "if true " + String(repeating: "{ if true ", count: 10_000),
            "let x = 1" + String(repeating: " + 1", count: 10_000),
            "let x = a" + String(repeating: ".b", count: 10_000),
            "f" + String(repeating: "()", count: 10_000),
        ]

    @Test(arguments: deeplyNested)
    func deepNestingIsAnErrorNotAStackOverflow(input: String) {
        #expect(throws: LanguageError.self) { _ = try Parser.parse(input) }
    }

    @Test func validProgramsStillRun() throws {
        for program in LanguageRobustnessTests.programs {
            _ = try Interpreter(seed: 0).run(program, cell: 1, timeout: 5)
        }
    }

    static func exercise(_ code: String) {
        guard (try? Parser.parse(code)) != nil else { return }
        let interpreter = Interpreter(seed: 0)
        interpreter.maximumCallDepth = 200
        _ = try? interpreter.run(code, cell: 1, timeout: 0.05)
    }

    static func randomBytes(_ random: inout SplitMix64) -> String {
        let count = random.below(80)
        var bytes: [UInt8] = []
        for _ in 0..<count {
            // Mostly printable ASCII, with some control bytes and UTF-8 fragments.
            switch random.below(10) {
            case 0: bytes.append(UInt8(random.below(256)))
            case 1: bytes.append(contentsOf: Array(punctuation[random.below(punctuation.count)].utf8))
            default: bytes.append(UInt8(32 + random.below(95)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Splits the program at token starts, then deletes, duplicates, swaps, inserts or truncates.
    static func mutate(_ program: String, _ random: inout SplitMix64) -> String {
        let bytes = Array(program.utf8)
        guard let tokens = try? Lexer.tokenize(program) else { return program }
        let starts = tokens.map(\.offset).filter { $0 < bytes.count } + [bytes.count]
        var pieces = zip(starts, starts.dropFirst()).map { Array(bytes[$0..<$1]) }
        for _ in 0..<(1 + random.below(3)) where !pieces.isEmpty {
            let i = random.below(pieces.count)
            switch random.below(5) {
            case 0: pieces.remove(at: i)
            case 1: pieces.insert(pieces[i], at: i)
            case 2: pieces.swapAt(i, random.below(pieces.count))
            case 3: pieces.insert(Array(punctuation[random.below(punctuation.count)].utf8), at: i)
            default: pieces.removeSubrange(i...)
            }
        }
        return String(decoding: pieces.joined(), as: UTF8.self)
    }
}

@Suite struct HugeRangeTests {
    @Test func hugeRangeIsAnErrorNotAnAllocation() {
        #expect(failure("let big = 9223372036854775807\nlet xs = (0..<big).map { $0 }")?.message
                == .runtime("range 0..<9223372036854775807 has more than 10,000,000 elements"))
        #expect(failure("let lo = -9223372036854775807 - 1\nlet n = (lo..<9223372036854775807).count")?.message
                == .arithmeticOverflow("9223372036854775807 - -9223372036854775808"))
    }

    /// Growth that would exhaust memory stops with an error instead (checked in the
    /// order a doubling loop reaches the limit: 2^24 is the first power past 10^7).
    @Test func runawayGrowthIsAnError() {
        #expect(failure("var s = \"x\"\nwhile true { s = s + s }")?.message
                == .runtime("string would grow to 16777216 bytes, past the cell language's limit of 10,000,000"))
        #expect(failure("var a = [0]\nwhile true { a += a }")?.message
                == .runtime("array would grow to 16777216 elements, past the cell language's limit of 10,000,000"))
        #expect(failure("var a = [0]\nwhile true { a.append(contentsOf: a) }")?.message
                == .runtime("array would grow to 16777216 elements, past the cell language's limit of 10,000,000"))
        #expect(failure("for i in stride(from: 0, to: Int.min, by: -1) {}")?.message
                == .runtime("stride would produce more than 10,000,000 values"))
        #expect(failure("let t = String(repeating: \"abc\", count: Int.max)")?.message
                == .runtime("String(repeating:count:) would be longer than 10,000,000 bytes"))
        #expect(failure("let a = Array(repeating: 0, count: 20000000)")?.message != nil)
    }
}

import Foundation
import LitLanguage
import LitLibrary
import LitNN
import LitRandom
import Testing

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

    /// Errors are fine, crashes are not; every error must point inside the code it came
    /// from, and the mutations must reach the interpreter, not only the parser.
    @Test func parserAndInterpreterSurviveRandomInput() {
        // Mutated programs may recurse, so run them with the runner's large stack.
        let outcomes = LargeStackThread.run { () -> [Outcome] in
            var random = SplitMix64(seed: 0xC311_F022)
            var outcomes: [Outcome] = []
            for _ in 0..<2000 {
                outcomes.append(Self.exercise(Self.randomBytes(&random)))
                outcomes.append(Self.exercise(Self.mutate(Self.programs[random.below(Self.programs.count)], &random)))
            }
            return outcomes
        }
        var ran = 0, failed = 0, unparsed = 0
        for outcome in outcomes {
            switch outcome {
            case .unparsed: unparsed += 1
            case .ran: ran += 1
            case .failed(let code, let error):
                failed += 1
                let inside = error.offset == LanguageError.unpositioned || (0...code.utf8.count).contains(error.offset)
                #expect(inside, "error '\(error.message.text)' at offset \(error.offset) outside \(code.utf8.count) bytes of:\n\(code)")
                #expect(!error.message.text.isEmpty)
            }
        }
        #expect(ran + failed + unparsed == 4000)
        // The seed is fixed; these floors only fail if the mutations stop reaching the interpreter.
        #expect(ran >= 100, "only \(ran) inputs ran cleanly")
        #expect(failed >= 100, "only \(failed) inputs failed at run time")
        #expect(unparsed >= 1000, "only \(unparsed) inputs were rejected by the parser")
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

    /// The unmutated programs, whose outputs were worked out by hand.
    @Test func validProgramsStillRun() throws {
        let expected = ["21 2.5 t=2.5\n", "6.0 a none\n", "0,2,4 4 1\n6\n"]
        for (program, output) in zip(LanguageRobustnessTests.programs, expected) {
            #expect(try ChapterSession(seed: 0).run(program, cell: 1, timeout: 5).text == output)
        }
    }

    enum Outcome {
        case unparsed, ran
        case failed(code: String, LanguageError)
    }

    static func exercise(_ code: String) -> Outcome {
        guard (try? Parser.parse(code)) != nil else { return .unparsed }
        let interpreter = ChapterSession(seed: 0)
        interpreter.interpreter.maximumCallDepth = 200
        do {
            _ = try interpreter.run(code, cell: 1, timeout: 0.05)
            return .ran
        } catch {
            return .failed(code: code, error)
        }
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
        let huge = failure("let big = 9223372036854775807\nlet xs = (0..<big).map { $0 }")
        #expect(huge?.message == .rangePastLimit(lower: 0, upper: 9223372036854775807))
        #expect(huge?.message.description == "range 0..<9223372036854775807 has more than 10,000,000 elements")
        #expect(failure("let lo = -9223372036854775807 - 1\nlet n = (lo..<9223372036854775807).count")?.message
                == .arithmeticOverflow("9223372036854775807 - -9223372036854775808"))
    }

    /// Growth that would exhaust memory stops with an error instead (checked in the
    /// order a doubling loop reaches the limit: 2^24 is the first power past 10^7).
    @Test func runawayGrowthIsAnError() {
        let cases: [(code: String, message: LanguageMessage, text: String)] = [
            ("var s = \"x\"\nwhile true { s = s + s }", .collectionPastLimit(kind: "string", size: 16_777_216),
             "string would grow to 16777216 bytes, past the cell language's limit of 10,000,000"),
            ("var a = [0]\nwhile true { a += a }", .collectionPastLimit(kind: "array", size: 16_777_216),
             "array would grow to 16777216 elements, past the cell language's limit of 10,000,000"),
            ("var a = [0]\nwhile true { a.append(contentsOf: a) }", .collectionPastLimit(kind: "array", size: 16_777_216),
             "array would grow to 16777216 elements, past the cell language's limit of 10,000,000"),
            ("for i in stride(from: 0, to: Int.min, by: -1) {}", .stridePastLimit,
             "stride would produce more than 10,000,000 values"),
            ("let t = String(repeating: \"abc\", count: Int.max)", .stringPastLimit(function: "String(repeating:count:)"),
             "String(repeating:count:) would be longer than 10,000,000 bytes"),
            ("let a = Array(repeating: 0, count: 20000000)", .arrayPastLimit,
             "Array(repeating:count:) is limited to 10,000,000 elements"),
        ]
        for (code, message, text) in cases {
            let error = failure(code)
            #expect(error?.message == message, "\(code)")
            #expect(error?.message.description == text, "\(code)")
        }
    }
}

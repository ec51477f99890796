import LitLibrary
import Testing

/// Randomness in cells comes from the chapter's seed, so a run is reproducible.
@Suite struct RandomTests {
    private let code = """
        var xs = Array(0..<20)
        xs.shuffle()
        print(xs, Int.random(in: 0..<1000), Int.random(in: 1...6), Bool.random(), [7, 8, 9].randomElement()!)
        print(xs.shuffled() == xs)
        """

    private func run(seed: UInt64) throws -> String {
        try ChapterSession(seed: seed).run(code, cell: 1).text
    }

    @Test func sameSeedSameNumbersOtherSeedOtherNumbers() throws {
        #expect(try run(seed: 1) == run(seed: 1))
        #expect(try run(seed: 1) != run(seed: 2))
    }

    @Test func randomValuesStayInTheirRanges() throws {
        let text = try output("""
            var ok = true
            for _ in 0..<1000 {
                let die = Int.random(in: 1...6)
                let index = Int.random(in: 0..<3)
                ok = ok && die >= 1 && die <= 6 && index >= 0 && index < 3
            }
            ok
            """)
        #expect(text == "true\n")
        let empty = failure("Int.random(in: 3..<3)")
        #expect(empty?.message == .randomFromEmptyRange)
        #expect(empty?.message.description == "Int.random(in:) needs a non-empty range")
    }

    @Test func popLastDrainsAnArray() throws {
        #expect(try output("var xs = [1, 2, 3]\nwhile let x = xs.popLast() { print(x, terminator: \" \") }\nprint(xs.isEmpty)")
                == "3 2 1 true\n")
    }
}

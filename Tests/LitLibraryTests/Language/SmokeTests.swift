import Testing

@Test func smoke() throws {
    let text = try output("""
    let x = 2
    var y = 3.5
    y += 1
    func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
    print(fib(10), y, "x=\\(x * 2)")
    let squares = (1...4).map { $0 * $0 }
    print(squares.reduce(0, +), squares.filter { $0 > 4 })
    class Counter {
        var count = 0
        func bump(by n: Int = 1) { count += n }
    }
    let c = Counter()
    c.bump()
    c.bump(by: 5)
    c.count
    """)
    #expect(text == "55 4.5 x=4\n30 [9, 16]\n6\n")
}

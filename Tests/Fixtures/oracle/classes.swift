// Classes, control flow and recursion, compared with compiled Swift.
class Counter {
    var count = 0
    let step: Int
    init(step: Int = 1) { self.step = step }
    func tick() -> Int {
        count += step
        return count
    }
    var doubled: Int { count * 2 }
}

class Loud: Counter {
    override func tick() -> Int {
        let value = super.tick()
        print("tick", value)
        return value
    }
}

let c = Loud(step: 3)
_ = c.tick()
_ = c.tick()
print(c.count, c.doubled)

func collatz(_ n: Int) -> Int {
    if n == 1 { return 0 }
    return 1 + collatz(n % 2 == 0 ? n / 2 : 3 * n + 1)
}
print((1...10).map { collatz($0) })

func classify(_ n: Int) -> String {
    switch n {
    case 0: return "zero"
    case 1...9: return "digit"
    case let big where big >= 100: return "big"
    default: return "other"
    }
}
print([0, 5, 42, 100].map(classify))

var i = 0
var log: [String] = []
while true {
    i += 1
    if i % 2 == 0 { continue }
    if i > 7 { break }
    log.append("i\(i)")
}
repeat { i -= 3 } while i > 0
print(log, i)

func apply(_ f: (Int) -> Int, _ n: Int, times: Int) -> Int {
    var value = n
    for _ in 0..<times { value = f(value) }
    return value
}
print(apply({ $0 * 2 }, 1, times: 10), apply({ x in x - 1 }, 10, times: 3))

var counters: [Counter] = []
for step in stride(from: 1, through: 3, by: 1) { counters.append(Counter(step: step)) }
for counter in counters { _ = counter.tick() }
print(counters.map { $0.count }, counters.map { $0.doubled })

guard let firstCounter = counters.first else { fatalError("no counters") }
print(firstCounter.count)

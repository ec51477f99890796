// Variadics, closures capturing state, nested functions, labelled tuples; compared with compiled Swift.
func sum(_ values: Int...) -> Int { values.reduce(0, +) }
print(sum(), sum(1), sum(1, 2, 3))
func makeCounter() -> () -> Int {
    var n = 0
    return { n += 1; return n }
}
let next = makeCounter()
_ = next()
print(next(), next())
func outer(_ n: Int) -> Int {
    func inner(_ k: Int) -> Int { k <= 0 ? 0 : k + inner(k - 1) }
    return inner(n)
}
print(outer(4))
class Node {
    var value: Int
    var children: [Node] = []
    init(_ value: Int) { self.value = value }
    func total() -> Int { value + children.map { $0.total() }.reduce(0, +) }
}
let root = Node(1)
root.children.append(Node(2))
root.children[0].children.append(Node(3))
let alias = root
alias.value = 10
print(root.total(), root.children.count)
var grid = [[0, 0], [0, 0]]
grid[1][0] = 5
grid[0].append(9)
print(grid)
func minMax(_ xs: [Int]) -> (min: Int, max: Int)? {
    guard let first = xs.first else { return nil }
    var lo = first, hi = first
    for x in xs { if x < lo { lo = x }; if x > hi { hi = x } }
    return (lo, hi)
}
if let r = minMax([3, 9, 1]) { print(r.min, r.max, r) }
print(minMax([]) == nil)
let label = "acc"
let value = 0.8765
print("\(label): \(value * 100)% of \([1, 2].count) items, \(value > 0.5 ? "good" : "bad")")
var text = "a"
text += "b"
print(text + "c", text.count)
let opt: String? = "hi"
print(opt?.count ?? 0, opt?.uppercased() ?? "")
var counts = [0, 0, 0]
for i in 0..<10 { counts[i % 3] += 1 }
print(counts)
let pairs = [(1, "one"), (2, "two")]
for (n, name) in pairs { print(n, name, separator: "=", terminator: ";") }
print()
print([1, 2, 3].map { x -> Int in x * x })
print((0..<5).filter { $0.isMultiple(of: 2) })
var k = 10
k -= 3; k *= 2; k /= 3
print(k)
let bits = [true, false, true].filter { $0 }.count
print(bits, !true, true && !false || false)

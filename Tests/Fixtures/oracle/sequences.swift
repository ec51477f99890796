// Reversed and strided loops, comparisons, sorting, statistics, compactMap; compared with compiled Swift.
for i in (0..<4).reversed() { print(i, terminator: " ") }
print()
print(Array(stride(from: 10, to: 0, by: -3)), Array(stride(from: 1, through: 9, by: 4)))
print("apple" < "banana", "b" > "a", "x" == "x", [1, 2] == [1, 2], (1, "a") == (1, "a"))
let words = ["pear", "fig", "banana"]
print(words.sorted(), words.sorted { $0.count < $1.count }, words.map { $0.count })
var total = 0
for i in 0..<3 {
    for j in 0..<3 where j != i { total += i * j }
}
print(total)
let values = [2.0, 4.0, 9.0]
let mean = values.reduce(0, +) / Double(values.count)
let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
print(mean, variance, variance.squareRoot())
print(values.enumerated().filter { $0.offset > 0 }.map { $0.element })
let maybeNumbers: [Int?] = [1, nil, 3]
print(maybeNumbers.compactMap { $0 }, maybeNumbers.count)
var matrix = Array(repeating: Array(repeating: 0, count: 3), count: 2)
matrix[1][2] = 7
print(matrix)
print(String(repeating: "=", count: 10))
let message = "loss"
print("\(message.uppercased()) \(String(format: "%.4f", 0.123456))")
print(abs(-7), abs(7.5), min(2, 3), max(2.0, 3.0))
var queue = [1, 2, 3]
let head = queue.removeFirst()
print(head, queue, queue.isEmpty)
print((1...5).reduce(0) { $0 + $1 * $1 })
print([1, 2, 3, 4].allSatisfy { $0 > 0 }, [1, 2].contains { $0 > 1 })

// Number semantics and printing, compared with compiled Swift.
print(1e-5, 1.0 / 3, 100.0, 1e20, 1e16, 1e15, 12345678.9, -0.0, 0.1 + 0.2)
print(Double.pi * 1e10, 2.5e-300 * 1e-10, Double.infinity, -Double.infinity)
print(7 / 2, -7 / 2, 7 % 3, -7 % 3, 7 % -3, Int(3.99), Int(-3.99), Double(7) / 2)
print(Int.max, Int.min, abs(-5), abs(-2.5), min(3, 1, 2), max(1.5, 2.5))
let x = 2.5
print((1 + 2) * x, 1 / 2 * x, -2 * x, x * (3 - 1), 2 * x + 1)
var total = 0.0
for i in 1...10 { total += Double(i) / 10 }
print(total, total == 5.5, (total * 100).rounded() / 100)
print(1.0.squareRoot(), 2.0.squareRoot(), 10.0.truncatingRemainder(dividingBy: 3))
print(Double("3.25") ?? 0, Int("42") ?? 0, Int("x") ?? -1)
print(String(format: "%.3f|%8.4f|%-6d|%e|%g", 0.87654, 3.14159265, 42, 1234.5, 0.0001))
print(stride(from: 0.0, to: 1.0, by: 0.25).map { $0 * 2 })
print(0.1 * 3, 1.1 * 1.1, 100.0 / 3.0)

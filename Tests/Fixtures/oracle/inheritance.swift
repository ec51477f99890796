// Inheritance, default arguments, nested arrays, conversions; compared with compiled Swift.
class Base {
    var name: String
    init(name: String) { self.name = name }
    func describe() -> String { "Base(\(name))" }
}
class Derived: Base {
    var extra: Int
    init(name: String, extra: Int) {
        self.extra = extra
        super.init(name: name)
    }
    override func describe() -> String { "Derived(" + super.describe() + ", \(extra))" }
}
let items: [Base] = [Base(name: "a"), Derived(name: "b", extra: 2)]
for item in items { print(item.describe()) }
let scale = 3
func scaled(_ x: Int, by factor: Int = scale) -> Int { x * factor }
print(scaled(2), scaled(2, by: 5))
var fibs = [0, 1]
while fibs.count < 10 { fibs.append(fibs[fibs.count - 1] + fibs[fibs.count - 2]) }
print(fibs, fibs.last!)
let matrix = [[1, 2, 3], [4, 5, 6]]
var transposed: [[Int]] = []
for j in 0..<3 {
    var row: [Int] = []
    for i in 0..<2 { row.append(matrix[i][j]) }
    transposed.append(row)
}
print(transposed)
print(String(3.0), String(42), String(true), "\(1.5e-7)")
print(Double(1) / 3 * 3 == 1.0, 0.1 + 0.2 == 0.3)
print(Int.max / 2, 5 / 2 * 2, -5 / 2)
let r = 2..<5
print(r.count, r.contains(4), r.lowerBound, r.upperBound)
var arr = [5, 3, 8]
arr.remove(at: 1)
arr.insert(7, at: 0)
print(arr, arr.removeLast(), arr)
print([3, 1, 2].sorted(), ["b", "a"].sorted())

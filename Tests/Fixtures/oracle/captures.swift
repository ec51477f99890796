// Closures capture a `for` loop's variable afresh in every iteration, but a `var`
// declared outside the loop once; arrays are values: copies never share changes.
var perIteration: [() -> Int] = []
for i in 0..<3 { perIteration.append { i * 10 } }
print(perIteration.map { $0() })

var shared: [() -> Int] = []
var j = 0
while j < 3 {
    shared.append { j }
    j += 1
}
print(shared.map { $0() })

var counters: [() -> Int] = []
for k in [5, 6] {
    var count = k
    counters.append {
        count += 1
        return count
    }
}
print(counters[0](), counters[0](), counters[1]())

var a = [1, 2]
var b = a
b.append(3)
a[0] = 9
print(a, b)

var grid = [[1], [2]]
var row = grid[0]
row.append(5)
grid[1].append(7)
print(grid, row)

func appended(_ values: [Int]) -> [Int] {
    var copy = values
    copy.append(0)
    return copy
}
let original = [4]
print(appended(original), original)

class Holder {
    var items: [Int] = []
}
let holder = Holder()
var taken = holder.items
taken.append(1)
holder.items.append(2)
let alias = holder
alias.items.append(3)
print(holder.items, taken)

var table: [String: [Int]] = ["x": [1]]
var fromTable = table["x"]!
fromTable.append(2)
table["x", default: []].append(3)
print(table, fromTable)

let captured = a
a.append(100)
let reader = { captured.count }
print(reader(), a.count)

var shapes: [String] = []
for (index, channels) in [6, 16, 120].enumerated() {
    shapes.append("layer \(index + 1): \(channels)")
}
print(shapes.joined(separator: "; "))

for (name, size) in zip(["conv", "pool"], [24, 12]) where size > 20 {
    print(name, size, separator: " -> ")
}

var total = 0
for step in stride(from: 0, to: 10, by: 3) { total += step }
var halvings = 0
var side = 96
while side > 3 {
    side /= 2
    halvings += 1
    if halvings > 10 { break }
}
print("total \(total), \(halvings) halvings")

for i in 1...6 {
    if i % 2 == 0 { continue } else if i == 5 { print("five") } else { print(i, terminator: " ") }
}

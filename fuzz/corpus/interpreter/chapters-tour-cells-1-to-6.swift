let epochs = 5
var learningRate: Double = 1
learningRate /= 10
let (batchSize, imageSize) = (16, 28)
let pixels = batchSize * imageSize * imageSize
"\(epochs) epochs at lr \(learningRate), \(pixels) pixels per batch"

let momentum = 0.9
print(1.0 - momentum, 2 * momentum, Double(batchSize) * momentum)
print(7 / 2, -7 / 2, 7 % 3, Int(3.9))
print(String(epochs) + " epochs", abs(-3), max(2, 7), min(0.5, learningRate))

func outputSize(_ input: Int, kernel: Int, stride: Int = 1, padding: Int = 0) -> Int {
    return (input + 2 * padding - kernel) / stride + 1
}

func factorial(_ n: Int) -> Int {
    n <= 1 ? 1 : n * factorial(n - 1)
}

print(outputSize(28, kernel: 5), outputSize(96, kernel: 7, stride: 2, padding: 3))
factorial(10)

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

let losses = [0.55, 0.42, 0.36, 0.33, 0.30]
let improvements = zip(losses, losses.dropFirst()).map { $0 - $1 }
let big = improvements.filter { gain in gain > 0.05 }
let best = losses.reduce(losses[0]) { min($0, $1) }
_ = losses.map { $0 * 2 }  // a value nobody needs
print(big.count, best, losses.last ?? 0.0, losses.isEmpty)
[3, 1, 2].map { $0 * 10 }.reduce(0, +)

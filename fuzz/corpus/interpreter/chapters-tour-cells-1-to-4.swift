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

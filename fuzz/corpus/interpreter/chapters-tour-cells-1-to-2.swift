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

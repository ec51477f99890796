let epochs = 5
var learningRate: Double = 1
learningRate /= 10
let (batchSize, imageSize) = (16, 28)
let pixels = batchSize * imageSize * imageSize
"\(epochs) epochs at lr \(learningRate), \(pixels) pixels per batch"

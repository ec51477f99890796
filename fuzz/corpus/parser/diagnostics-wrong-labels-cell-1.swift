func conv(_ input: Int, kernel: Int, stride: Int = 1) -> Int {
    (input - kernel) / stride + 1
}
conv(28, kernelSize: 5)

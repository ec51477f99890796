func outputSize(_ input: Int, kernel: Int, stride: Int = 1, padding: Int = 0) -> Int {
    return (input + 2 * padding - kernel) / stride + 1
}

func factorial(_ n: Int) -> Int {
    n <= 1 ? 1 : n * factorial(n - 1)
}

print(outputSize(28, kernel: 5), outputSize(96, kernel: 7, stride: 2, padding: 3))
factorial(10)

func pick(_ values: [Int], at index: Int) -> Int {
    return values[index]
}

func middle(_ values: [Int]) -> Int {
    pick(values, at: values.count / 2 + 5)
}

func checkedSize(_ n: Int) -> Int {
    precondition(n > 0, "size must be positive")
    return n
}
checkedSize(-1)

func check(_ n: Int) {
	precondition(n > 0, "n must be positive, got \(n)")
}
check(3)
check(-2)

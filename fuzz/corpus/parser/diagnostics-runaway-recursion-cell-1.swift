func forever(_ n: Int) -> Int {
    forever(n + 1) + 1
}
forever(0)

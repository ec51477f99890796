var spins = 0
while true {
    spins += 1
}

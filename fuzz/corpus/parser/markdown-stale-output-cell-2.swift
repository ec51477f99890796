let second = 2

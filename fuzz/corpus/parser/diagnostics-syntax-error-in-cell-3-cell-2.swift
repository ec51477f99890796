print("cell two", a + 1)

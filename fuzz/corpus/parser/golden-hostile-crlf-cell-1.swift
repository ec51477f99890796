let epsilon = 1e-5
	print("ε =", epsilon)

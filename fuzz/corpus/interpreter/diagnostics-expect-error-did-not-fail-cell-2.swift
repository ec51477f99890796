print("not reached")

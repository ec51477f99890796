print("first cell")

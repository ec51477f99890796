print("cell four")

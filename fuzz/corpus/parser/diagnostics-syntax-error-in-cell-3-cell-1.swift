let a = 1
print("cell one", a)

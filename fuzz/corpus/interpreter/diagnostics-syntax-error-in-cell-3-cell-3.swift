let b = (a +
print(b)

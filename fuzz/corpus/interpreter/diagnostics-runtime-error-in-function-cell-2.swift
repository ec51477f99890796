print("before")
let m = middle([1, 2, 3])
print("never", m)

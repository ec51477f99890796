let again = (w * w).sum()
again.backward()
print(w.grad!)
w.grad = nil

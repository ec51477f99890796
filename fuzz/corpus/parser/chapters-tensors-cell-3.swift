let w = Parameter(tensor([1.0, -2.0, 3.0]))
let loss = (w * w).sum() + relu(w).sum()
loss.backward()
print(loss.item(), w.grad!)

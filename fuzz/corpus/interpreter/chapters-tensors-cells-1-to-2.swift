let a = tensor([[1, 2, 3], [4, 5, 6]])
print(a, a.shape, a.rank)
let noise = randn(2, 3)
print(noise)
let X = rand(4, 3, 6, 6)
print(X.shape, zeros([1, 3, 1, 1]).shape, arange(5))

let scale = tensor([1.0, 10.0, 100.0]).reshape(1, 3, 1, 1)
let scaled = X * scale + 1
print(scaled.mean(dims: [0, 2, 3]))
print(a.sum(), a.sum(dim: 0), a.mean(dim: 1, keepDim: true).shape)
print(a.max(dim: 1), a.argmax(dim: 1), a.transposed().shape)
print(cat([a, a], dim: 0).shape, a[1], a.flatten().shape)

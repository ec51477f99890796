let net = Sequential(
    Conv2d(1, 6, kernelSize: 5), BatchNorm(6, numDims: 4), Sigmoid(), MaxPool2d(kernelSize: 2, stride: 2),
    Conv2d(6, 16, kernelSize: 5), BatchNorm(16, numDims: 4), Sigmoid(), MaxPool2d(kernelSize: 2, stride: 2),
    Flatten(),
    Linear(16 * 4 * 4, 120), BatchNorm(120, numDims: 2), Sigmoid(),
    Linear(120, 84), BatchNorm(84, numDims: 2), Sigmoid(),
    Linear(84, 10))
print(net)

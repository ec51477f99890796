let conciseNet = Sequential(
    Conv2d(1, 6, kernelSize: 5), BatchNorm2d(6), Sigmoid(), MaxPool2d(kernelSize: 2, stride: 2),
    Conv2d(6, 16, kernelSize: 5), BatchNorm2d(16), Sigmoid(), MaxPool2d(kernelSize: 2, stride: 2),
    Flatten(),
    Linear(16 * 4 * 4, 120), BatchNorm1d(120), Sigmoid(),
    Linear(120, 84), BatchNorm1d(84), Sigmoid(),
    Linear(84, 10))
train(conciseNet, trainIter, testIter, optimizer: Adam(conciseNet.parameters(), lr: 0.001), epochs: 5)

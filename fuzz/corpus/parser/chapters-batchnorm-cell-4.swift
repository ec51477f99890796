let (trainIter, testIter) = loadFashionMNIST(batchSize: 16)
print(trainIter)
print(testIter)

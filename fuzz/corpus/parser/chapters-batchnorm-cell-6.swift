let firstBatchNorm = net[1]
print(firstBatchNorm.gamma.reshape(-1))
print(firstBatchNorm.beta.reshape(-1))

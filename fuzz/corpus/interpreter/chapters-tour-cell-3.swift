let scaled = batchSize * momentum

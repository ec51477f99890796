train(net, trainIter, testIter, optimizer: Adam(net.parameters(), lr: 0.001), epochs: 5)

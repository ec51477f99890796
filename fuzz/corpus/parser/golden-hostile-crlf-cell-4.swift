let unused = channels.count

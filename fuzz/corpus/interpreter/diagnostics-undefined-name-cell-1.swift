let learningRate = 0.1
print("this line must not run")
let step = learningRat * 2.0

linear(784, 10)
optimizer sgd(lr = 0.1, nesterov = true)

linear(784, 10)
optimizer sgd(lr = 0.1, momentum = 0.9, nesterov = 1)

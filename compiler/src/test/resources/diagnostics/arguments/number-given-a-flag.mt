linear(784, 10)
optimizer sgd(lr = true)

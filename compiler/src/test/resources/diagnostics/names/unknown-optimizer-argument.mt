linear(784, 10)
optimizer sgd(rate = 0.1)

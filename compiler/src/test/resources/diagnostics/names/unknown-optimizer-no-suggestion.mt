linear(784, 10)
optimizer rmsprop(lr = 0.001)

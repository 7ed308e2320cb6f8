linear(784, 10)
optimizer adam(lr = 0.001)

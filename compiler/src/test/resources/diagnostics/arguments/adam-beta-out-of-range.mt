linear(784, 10)
optimizer adam(lr = 1e-3, beta1 = 1.0)

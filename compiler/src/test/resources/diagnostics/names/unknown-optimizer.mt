linear(784, 10)
optimizer sdg(lr = 0.1)

linear(in = 784, 10)

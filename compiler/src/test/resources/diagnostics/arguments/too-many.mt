linear(784, 256, 10)

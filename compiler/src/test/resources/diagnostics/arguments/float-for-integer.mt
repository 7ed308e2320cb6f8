linear(784, 2.5)

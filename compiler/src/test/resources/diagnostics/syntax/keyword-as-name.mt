let model = 3
linear(784, 10)

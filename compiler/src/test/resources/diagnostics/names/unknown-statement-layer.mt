relu relu
linear(784, 10)

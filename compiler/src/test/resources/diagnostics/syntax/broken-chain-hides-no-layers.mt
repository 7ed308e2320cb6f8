model M
linear(784, 10 -> relu

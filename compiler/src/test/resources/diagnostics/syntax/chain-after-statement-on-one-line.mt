loss cross_entropy linear(784, 10)

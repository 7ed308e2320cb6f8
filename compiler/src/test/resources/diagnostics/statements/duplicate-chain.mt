linear(784, 10)
relu -> linear(10, 2)

linear(784, 256) relu -> linear(10)

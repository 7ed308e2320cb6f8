linear(784, 256) -> batchnorm(eps = 0, momentum = 1.5) -> linear(10)

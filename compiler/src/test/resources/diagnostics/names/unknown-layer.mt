linear(784, 256) -> batchnrom -> relu -> linear(256, 10)

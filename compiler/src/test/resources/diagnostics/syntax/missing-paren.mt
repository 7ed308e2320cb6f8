linear(784, 256 -> relu -> linear(256, 10)

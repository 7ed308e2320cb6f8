linear(784, 0) -> relu -> linear(10)

linear(784, width) -> linear(10)

linear(784, 40000) -> linear(40000, 40000) -> linear(40000, 40000) -> linear(40000, 40000) -> linear(40000, 10)

linear(784, 256) -> dropout(0) -> linear(10)

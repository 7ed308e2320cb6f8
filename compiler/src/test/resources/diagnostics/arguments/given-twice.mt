linear(784, 256) -> dropout(0.2, p = 0.3) -> linear(10)

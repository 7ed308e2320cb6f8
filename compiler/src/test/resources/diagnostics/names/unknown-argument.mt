linear(784, 256) -> dropout(q = 0.2) -> linear(256, 10)

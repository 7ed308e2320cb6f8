linear(784, 256) -> dropout -> linear(10)

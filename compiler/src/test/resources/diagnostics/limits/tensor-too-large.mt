linear(100000, 100000) -> linear(10)

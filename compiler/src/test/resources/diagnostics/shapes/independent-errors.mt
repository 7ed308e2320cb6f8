linear(784, 256) -> relu -> linear(128, 64) -> dropout(2) -> linear(64, 10)

linear(784, 256) -> dropout(1.0) -> dropout(-0.1) -> linear(10)

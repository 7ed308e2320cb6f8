dropout(p=) -> linear(784, 10)

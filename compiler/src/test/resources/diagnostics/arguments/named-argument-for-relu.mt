linear(784, 10) -> relu(p = 0.5)

linear(784, 10) -> relu(0.5)

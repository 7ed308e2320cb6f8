let hidden = 2.5e2
linear(784, hidden) -> linear(10)

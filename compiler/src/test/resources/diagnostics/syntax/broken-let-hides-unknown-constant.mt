let hidden =
linear(784, hidden) -> relu -> linear(hidden, 10)

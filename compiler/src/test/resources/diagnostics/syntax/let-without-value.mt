let hidden =
linear(784, 10)

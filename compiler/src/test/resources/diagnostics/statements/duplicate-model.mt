model A
model B
linear(784, 10)

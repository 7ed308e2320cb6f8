linear(784, 1)
loss cross_entropy

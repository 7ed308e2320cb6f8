input [784]
linear(784, 10)
data fashion_mnist

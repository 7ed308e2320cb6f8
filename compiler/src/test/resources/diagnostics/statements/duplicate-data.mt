input [784]
data mnist
linear(784, 10)
data fashion-mnist

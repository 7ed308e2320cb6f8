model Mnist input [784]
linear(784, 10)

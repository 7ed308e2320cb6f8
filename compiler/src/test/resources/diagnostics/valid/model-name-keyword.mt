model class
input [784]
linear(784, 10)

input [1, 28, 28]
linear(10)

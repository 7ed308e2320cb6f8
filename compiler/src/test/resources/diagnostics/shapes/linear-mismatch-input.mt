input [784]
linear(100, 10)

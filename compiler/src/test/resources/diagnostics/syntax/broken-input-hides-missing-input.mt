input [1, 28, 28
flatten -> linear(10)

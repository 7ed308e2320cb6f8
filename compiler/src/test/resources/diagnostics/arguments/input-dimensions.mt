input [0, 28, 2.5]
flatten -> linear(10)

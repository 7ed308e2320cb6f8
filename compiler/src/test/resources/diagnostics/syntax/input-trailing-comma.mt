input [1, 28,]
flatten -> linear(10)

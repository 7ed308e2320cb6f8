input [100000, 100000, 1000]
flatten -> linear(10)

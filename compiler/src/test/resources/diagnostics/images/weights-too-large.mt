input [100000, 8, 8]
conv2d(100000, 3) -> flatten -> linear(10)

input [1, 28, 28]
conv2d(1, 8) -> flatten -> linear(10)

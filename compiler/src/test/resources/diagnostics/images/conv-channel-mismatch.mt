input [1, 28, 28]
conv2d(3, 8, 3) -> flatten -> linear(10)

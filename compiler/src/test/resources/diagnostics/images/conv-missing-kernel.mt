input [1, 28, 28]
conv2d(8) -> flatten -> linear(10)

input [1, 28, 28]
conv2d(8, [3, 3, 3]) -> flatten -> linear(10)

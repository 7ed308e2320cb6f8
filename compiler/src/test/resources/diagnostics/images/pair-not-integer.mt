input [1, 28, 28]
conv2d(8, [3, 2.5]) -> flatten -> linear(10)

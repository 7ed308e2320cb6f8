input [1, 2, 2]
conv2d(4, 6, padding=1) -> flatten -> linear(10)

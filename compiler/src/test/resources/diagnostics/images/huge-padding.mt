input [1, 28, 28]
conv2d(8, 3, padding=2000000000) -> flatten -> linear(10)

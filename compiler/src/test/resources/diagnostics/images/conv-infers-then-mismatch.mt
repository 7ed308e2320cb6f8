input [3, 32, 32]
conv2d(16, 3) -> conv2d(8, 32, 3) -> flatten -> linear(10)

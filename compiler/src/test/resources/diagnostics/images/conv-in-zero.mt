input [1, 28, 28]
conv2d(0, 8, 3) -> conv2d(-4, 3) -> flatten -> linear(10)

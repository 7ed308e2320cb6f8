input [1, 28, 28]
conv2d(8, 3, dilation=20) -> flatten -> linear(10)

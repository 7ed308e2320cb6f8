input [1, 28, 28]
conv2d(8, 3, stride=2, padding=same) -> flatten -> linear(10)

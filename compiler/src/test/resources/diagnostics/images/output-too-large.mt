input [1, 40000, 40000]
conv2d(64, 1) -> flatten -> linear(10)

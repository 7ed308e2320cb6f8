input [1, 28, 28]
conv2d(8, 3) -> relu -> linear(10)

input [784]
conv2d(8, 3) -> flatten -> linear(10)

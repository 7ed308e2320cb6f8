input [1, 28, 28]
conv2d(8, 0) -> maxpool2d([2, 0]) -> flatten -> linear(10)

input [1, 28, 20]
conv2d(4, 5) -> maxpool2d(4) -> conv2d(4, [1, 5]) -> flatten -> linear(10)

input [1, 28, 28]
conv2d([1, 2], 8, 3) -> flatten -> dropout([0.2, 0.3]) -> linear(10)

input [1, 9, 9]
conv2d(4, 4, padding=same) -> conv2d(4, [3, 2], padding=same, dilation=[1, 3]) -> flatten -> linear(10)

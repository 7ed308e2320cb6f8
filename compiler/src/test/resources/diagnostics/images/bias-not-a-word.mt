input [1, 28, 28]
conv2d(8, 3, bias=1) -> conv2d(8, 3, bias=yes) -> flatten -> linear(10)

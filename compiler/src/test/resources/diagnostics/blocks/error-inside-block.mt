block basic(c) = conv2d(c, 3, padding=1) -> batchnorm -> linear(c)
input [1, 28, 28]
conv2d(16, 3) -> residual(basic(16)) -> flatten -> linear(10)

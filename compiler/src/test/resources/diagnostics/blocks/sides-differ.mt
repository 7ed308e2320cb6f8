block down(c) = conv2d(c, 3, stride=2, padding=1) -> batchnorm -> relu
input [16, 28, 28]
residual(down(32)) -> flatten -> linear(10)

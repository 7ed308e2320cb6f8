input [16, 28, 28]
residual(conv2d(32, 3, padding=1), shortcut = conv2d(32, 1, stride=2)) -> flatten -> linear(10)

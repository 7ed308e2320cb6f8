block basic(c) = conv2d(c, 3, padding=1) -> relu
input [1, 28, 28]
basic(16, 3) -> basic -> basic(d = 4) -> flatten -> linear(10)

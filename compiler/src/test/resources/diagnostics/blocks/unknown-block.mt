block basic(c) = conv2d(c, 3, padding=1) -> relu
input [1, 28, 28]
basc(16) -> flatten -> linear(10)

block twice(c, unused) = conv2d(c, 3, padding=1) -> relu -> conv2d(c, 3, padding=1)
input [1, 28, 28]
twice(8, 1) -> flatten -> linear(10)

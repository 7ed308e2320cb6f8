block a(c) = conv2d(c, 3) -> b(c)
block b(c) = relu -> a(c)
input [1, 28, 28]
a(4) -> flatten -> linear(10)

input [1, 28, 28]
conv2d(16, 5, stride=2) -> maxpool2d(2)
  -> conv2d(16, 6) -> maxpool2d(2) -> flatten -> linear(10)
